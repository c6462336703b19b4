//! The published catalog, members' side: browse, item and narrator reads answered from
//! the node's in-memory snapshot (never the database), with strong `ETag`s,
//! `If-None-Match` and `Cache-Control: public`.

pub mod api;
pub mod dto;
pub mod error;
pub mod repo;
pub mod service;
pub mod snapshot;
pub mod store;
