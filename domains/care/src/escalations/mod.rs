//! Crisis escalation (issue 15 point 2): a risky PHQ-9 creates, in the transaction that
//! stores it, a task for the member's care-team clinician (or the on-call queue) with a
//! response deadline, and publishes `care.risk_escalated`. A job alerts on tasks past
//! their deadline unacknowledged; clinicians acknowledge and resolve them with a note.

pub mod admin_api;
pub mod api;
pub mod dto;
pub mod error;
pub mod events;
pub mod jobs;
pub mod repo;
pub mod service;
