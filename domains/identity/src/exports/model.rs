//! Export ids.

use chrono::{DateTime, Utc};
use haven_platform::define_id;

define_id!(
    /// An export of a member's data (`exp_…`).
    ExportId,
    "exp"
);
/// Where an export stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportState {
    /// The job has not assembled it yet.
    Pending,
    /// Ready for its one download.
    Ready,
    /// Downloaded; the document is deleted.
    Downloaded,
    /// Expired before it was downloaded.
    Expired,
}

/// An export as its owner sees it.
#[derive(Debug, Clone)]
pub struct ExportStatus {
    /// The export.
    pub id: ExportId,
    /// Where it stands.
    pub state: ExportState,
    /// When it was requested.
    pub requested_at: DateTime<Utc>,
    /// When it was assembled.
    pub completed_at: Option<DateTime<Utc>>,
    /// Until when it can be downloaded.
    pub expires_at: DateTime<Utc>,
    /// When it was downloaded.
    pub downloaded_at: Option<DateTime<Utc>>,
}
