//! Streaks (issue 13 point 8), computed by the server in the member's zones from the
//! days with a completed session, with freezes earned and spent automatically.

pub mod dto;
pub mod model;
pub mod service;
