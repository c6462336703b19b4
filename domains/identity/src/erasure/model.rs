//! Erasure types: the status of a member's erasure and its per-module steps.

use chrono::{DateTime, Utc};

/// One module's part of an erasure.
#[derive(Debug, Clone)]
pub struct ErasureStep {
    /// The module's name.
    pub module: String,
    /// Runs of its `erase_user` so far.
    pub attempts: u32,
    /// When one succeeded.
    pub completed_at: Option<DateTime<Utc>>,
    /// What the module reported: `erased` or `nothing_stored`.
    pub outcome: Option<String>,
}

/// An erasure and its steps.
#[derive(Debug, Clone)]
pub struct ErasureStatus {
    /// When it was requested.
    pub requested_at: DateTime<Utc>,
    /// When every step was complete.
    pub completed_at: Option<DateTime<Utc>>,
    /// One per module mounted when it was requested, by name.
    pub steps: Vec<ErasureStep>,
}
