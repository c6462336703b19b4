//! Sessions: login (the password step and the second-factor step), the account lock, refresh-token rotation, and listing and revoking sessions.

pub mod api;
pub mod dto;
pub mod error;
pub mod lockout;
pub mod login;
pub mod model;
pub mod repo;
pub mod service;
