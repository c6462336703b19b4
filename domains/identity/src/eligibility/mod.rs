//! An organization's eligibility list: the CSV upload, validated in full, and the swap that ends memberships it no longer covers.

pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
