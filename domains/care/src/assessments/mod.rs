//! Assessments (issue 15 point 1): PHQ-9 and GAD-7 as versioned instrument definitions,
//! scored by the server; the member's history and trend, read by their care-team
//! clinicians too. A risky PHQ-9 escalates in the same transaction (see
//! [`crate::escalations`]). Health data: every access is audited, answers are
//! `Cache-Control: no-store` and never logged.

pub mod api;
pub mod dto;
pub mod error;
pub mod model;
pub mod repo;
pub mod service;
