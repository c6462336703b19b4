//! Clinical notes (issue 15 point 4): clinicians write notes on the appointments they
//! held; the body is encrypted at rest ([`crypto`]: AES-256-GCM under a per-note data
//! key wrapped by a named master key, rotated without downtime by [`jobs`]). A draft is
//! changed with `If-Match` by its author alone; a signed note is immutable (the database
//! refuses changes) and changes are amendments, signed as they are written and shown
//! with the note in order.
//!
//! Who reads: the author, and the clinicians on the member's care team; coaches and
//! admins never read note bodies (the role guard: clinicians, with MFA); the member
//! reads their own signed notes only where `care.notes.member_access` allows. Every
//! read, write and refusal writes a PHI audit row.

pub mod api;
pub mod crypto;
pub mod dto;
pub mod error;
pub mod jobs;
pub mod model;
pub mod repo;
pub mod service;
