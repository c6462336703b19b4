//! The entitlement ledger (issue 12 point 2): every right a member has is a grant row;
//! counted features are consumed and released by reference (in the database, never from
//! the cache); each node caches members' ledgers and answers checks without a query while
//! a watcher keeps them checked against a version row bumped with every change (`cache`).

pub mod api;
pub mod cache;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
