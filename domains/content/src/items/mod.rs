//! Catalog items, the editors' side: drafts, publishing (per locale, now or scheduled),
//! withdrawal and the revision history.

pub mod api;
pub mod dto;
pub mod error;
pub mod jobs;
pub mod model;
pub mod repo;
pub mod service;
