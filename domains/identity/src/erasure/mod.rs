//! Account erasure: one request, then one job per mounted module until every module has erased the member.

pub mod api;
pub mod dto;
pub mod error;
pub mod jobs;
pub mod model;
pub mod repo;
pub mod service;
