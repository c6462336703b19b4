//! Playback events (issue 13 point 7): offline apps sync batches of `started`,
//! `progress` and `completed` events with client-generated ids; a duplicate has no
//! second effect; each event is placed in the member's local day of the zone it was
//! recorded in. Stats (minutes, sessions, per-day history) are read from them.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
