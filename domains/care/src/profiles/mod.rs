//! The member's care profile: where they live (which licenses apply), their languages
//! and zone, and an emergency contact. Health data: only the member reads it here, and
//! admins with an audited reason; answers are `Cache-Control: no-store`.

pub mod api;
pub mod dto;
pub mod error;
pub mod repo;
pub mod service;
