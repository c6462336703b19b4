//! Stripe (issue 12 point 4): Checkout and the customer portal through Stripe's HTTP
//! API, and webhooks verified exactly as Stripe specifies, stored in an inbox keyed by
//! event id and applied to the subscription state machine.

pub mod api;
pub mod client;
pub mod dto;
pub mod error;
pub mod events;
pub mod service;
pub mod signature;
pub mod webhook;
