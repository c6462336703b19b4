//! The member's side of organizations: join, read and leave their membership.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
