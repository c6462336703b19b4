//! Providers' hours (weekly rules and date exceptions in their own zone) and the slots
//! they give, shown in the member's zone.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod service;
