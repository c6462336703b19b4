//! Email verification, password reset and password change, and argon2id password hashing.

pub mod api;
pub mod dto;
pub mod error;
pub mod events;
pub mod hasher;
pub mod model;
pub mod repo;
pub mod service;
