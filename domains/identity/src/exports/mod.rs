//! Account export: the member asks, a job collects every module's data, the owner downloads it once, expired exports are purged.

pub mod api;
pub mod dto;
pub mod error;
pub mod jobs;
pub mod model;
pub mod repo;
pub mod service;
