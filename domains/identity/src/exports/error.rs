//! Errors of account export.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError};
use haven_platform::{DbError, DomainError, Unexpected, db_errors, error_set};
use poem::http::StatusCode;

use crate::error::{not_found, problem};

/// Requesting an export, reading its status, and the export jobs.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The account no longer exists.
    #[error("account not found")]
    AccountNotFound,
    /// The export is unknown or not the caller's.
    #[error("export not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for ExportError {
    const CODES: &'static [Code] = &[NOT_FOUND];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::AccountNotFound => not_found("The account does not exist."),
            Self::NotFound => not_found("The export does not exist."),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Downloading an export.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    /// The export is unknown or not the caller's.
    #[error("export not found")]
    NotFound,
    /// The export is still being assembled.
    #[error("export not ready")]
    NotReady,
    /// The export was downloaded already (its document is deleted).
    #[error("export already downloaded")]
    AlreadyDownloaded,
    /// The export expired before it was downloaded.
    #[error("export expired")]
    Expired,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl DomainError for DownloadError {
    const CODES: &'static [Code] = &[
        NOT_FOUND,
        (409, "export_not_ready"),
        (410, "export_already_downloaded"),
        (410, "export_expired"),
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("The export does not exist."),
            Self::NotReady => problem(
                StatusCode::CONFLICT,
                "export_not_ready",
                "The export is still being prepared; check its status and try again later.",
            ),
            Self::AlreadyDownloaded => problem(
                StatusCode::GONE,
                "export_already_downloaded",
                "The export was downloaded already and its file deleted; request a new export.",
            ),
            Self::Expired => problem(
                StatusCode::GONE,
                "export_expired",
                "The export expired before it was downloaded; request a new export.",
            ),
            Self::Db(e) => db_problem(e),
        }
    }
}

error_set!(
    /// `POST /v1/identity/me/export`: 401, 403, 404 (account gone), 409/422 (idempotency
    /// key in use / reused).
    pub RequestExportErrors: ExportError
);

error_set!(
    /// `GET /v1/identity/me/exports/{export_id}`: 401, 403, 404 (`not_found`: unknown or
    /// someone else's).
    pub ExportStatusErrors: ExportError
);

error_set!(
    /// `GET /v1/identity/me/exports/{export_id}/download`: 401, 403, 404 (unknown or
    /// someone else's), 409 `export_not_ready`, 410 `export_already_downloaded` /
    /// `export_expired`.
    pub DownloadExportErrors: DownloadError
);

db_errors!(ExportError, DownloadError);
