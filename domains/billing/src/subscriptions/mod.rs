//! Subscriptions (issue 12 point 3): a state machine per provider subscription whose
//! every transition updates the ledger in the same transaction.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
