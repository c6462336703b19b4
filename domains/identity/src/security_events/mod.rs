//! The security event log of each account (logins, failures, factor and role changes): the audit trail and the input of the account lock.

pub mod model;
pub mod repo;
pub mod service;
