//! Today (issue 13 point 9): a member's feed for the time of day in their zone, with the
//! course to continue, new releases, favorites and recent history, each entry with the
//! reason it is there. A pure function of the member, the instant and the catalog
//! version (and the member's data as of that instant).

pub mod api;
pub mod dto;
pub mod model;
pub mod service;
