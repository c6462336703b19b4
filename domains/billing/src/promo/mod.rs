//! Promo codes (issue 12 point 8): a percent or amount off a price, passed to Stripe
//! Checkout, or a free period granted directly through the ledger; expiry, a total
//! redemption limit that concurrent redemptions never exceed, once per member.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
