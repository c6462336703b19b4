//! Two-step verification: TOTP enrollment and confirmation, recovery codes, turning it off.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
pub mod totp;
