//! The catalog: products (plans) that grant features, and their prices (issue 12 point 1).

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
