//! The app stores (issue 12 points 5 and 6): App Store Server Notifications V2 and
//! Google Play real-time developer notifications, each verified, stored in the webhook
//! inbox and applied to the subscription state machine, and the member's account token
//! that links a store purchase to them.

pub mod api;
pub mod app_store;
pub mod dto;
pub mod error;
pub mod play;
pub mod repo;
pub mod service;
pub mod webhook;
