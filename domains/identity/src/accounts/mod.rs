//! Accounts: registration, the caller's account and profile, and the stored roles.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
