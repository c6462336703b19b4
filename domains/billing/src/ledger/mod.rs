//! The entitlement ledger (issue 12 point 2): every right a member has is a grant row;
//! counted features are consumed and released by reference; each node caches members'
//! ledgers, invalidated by a version row bumped with every change.

pub mod api;
pub mod cache;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
