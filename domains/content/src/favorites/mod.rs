//! Favorites (issue 13 point 9): a member's favorite items and courses, put and deleted
//! idempotently, listed for the app and read by Today.

pub mod api;
pub mod dto;
pub mod error;
pub mod repo;
pub mod service;
