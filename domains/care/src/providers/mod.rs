//! Provider profiles: admins manage them; members read the directory (no license
//! numbers).

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
