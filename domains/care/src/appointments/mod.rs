//! Appointments: booking that never double-books, the cancel/reschedule/no-show policy,
//! care teams, matching and the background work around them.

pub mod api;
pub mod calendar;
pub mod dto;
pub mod error;
pub mod jobs;
pub mod matching;
pub mod matching_api;
pub mod model;
pub mod policy;
pub mod repo;
pub mod service;
