//! Sponsoring organizations, the admins' side: create, read, update, list and remove members (the eligibility list is in `eligibility`).

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
