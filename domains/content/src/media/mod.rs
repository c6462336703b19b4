//! Media: editors upload an item's image and its variants' audio (streamed to a
//! directory or an S3-compatible bucket, typed by their first bytes); members get signed,
//! expiring URLs of the variants they may play, served with `Range` support.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod serve;
pub mod service;
pub mod signing;
pub mod sniff;
pub mod storage;
pub mod wav;
