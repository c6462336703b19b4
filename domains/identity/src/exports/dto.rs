//! Wire types of account export.

use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::model::{ExportId, ExportState, ExportStatus};

/// Where an export stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "IdentityExportState", rename_all = "snake_case")]
pub enum ExportStateDto {
    /// Being assembled; poll its status.
    Pending,
    /// Ready for its one download.
    Ready,
    /// Downloaded; the file is deleted.
    Downloaded,
    /// Expired before it was downloaded.
    Expired,
}

/// An export of the caller's data from every module.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityExport")]
pub struct ExportDto {
    /// The export id.
    pub id: ExportId,
    /// Where it stands.
    pub state: ExportStateDto,
    /// When it was requested.
    pub requested_at: Timestamp,
    /// When it was assembled; absent while pending.
    pub completed_at: Option<Timestamp>,
    /// Until when it can be downloaded (7 days after the request).
    pub expires_at: Timestamp,
    /// When it was downloaded; absent until then.
    pub downloaded_at: Option<Timestamp>,
}

impl From<ExportStatus> for ExportDto {
    fn from(s: ExportStatus) -> Self {
        Self {
            id: s.id,
            state: match s.state {
                ExportState::Pending => ExportStateDto::Pending,
                ExportState::Ready => ExportStateDto::Ready,
                ExportState::Downloaded => ExportStateDto::Downloaded,
                ExportState::Expired => ExportStateDto::Expired,
            },
            requested_at: s.requested_at.into(),
            completed_at: s.completed_at.map(Into::into),
            expires_at: s.expires_at.into(),
            downloaded_at: s.downloaded_at.map(Into::into),
        }
    }
}
