//! Courses (packs, issue 13 point 2): ordered sessions made of catalog items, published
//! like items (draft, publish, unpublish, archive, `If-Match`, revisions), served from
//! the snapshot, with each member's progress driven by their `completed` events.

pub mod api;
pub mod dto;
pub mod error;
pub mod member_api;
pub mod model;
pub mod repo;
pub mod seed;
pub mod service;
