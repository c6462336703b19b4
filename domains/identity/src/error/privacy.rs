//! Errors of the privacy resource: exports (`/me/export`, `/me/exports/…`) and erasure
//! (`/me/delete`, `/me/erasure`).

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::ProblemError;
use haven_platform::{DbError, DomainError, Unexpected};
use poem::http::StatusCode;

use super::{db_errors, not_found, problem};

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
    const STATUSES: &'static [u16] = &[404];

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
    const STATUSES: &'static [u16] = &[404, 409, 410];

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

/// Requesting the erasure of one's account, and the erasure jobs.
#[derive(Debug, thiserror::Error)]
pub enum ErasureError {
    /// The account no longer exists.
    #[error("account not found")]
    AccountNotFound,
    /// The password given to confirm the erasure is wrong.
    #[error("reauthentication failed")]
    ReauthenticationFailed,
    /// The account's erasure was requested already.
    #[error("erasure already requested")]
    AlreadyRequested,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for ErasureError {
    const STATUSES: &'static [u16] = &[403, 404, 409];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::AccountNotFound => not_found("The account does not exist."),
            Self::ReauthenticationFailed => problem(
                StatusCode::FORBIDDEN,
                "reauthentication_failed",
                "The password is incorrect.",
            ),
            Self::AlreadyRequested => problem(
                StatusCode::CONFLICT,
                "erasure_already_requested",
                "The erasure of this account was requested already.",
            ),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Reading the erasure's status.
#[derive(Debug, thiserror::Error)]
pub enum ErasureStatusError {
    /// No erasure was requested for the account.
    #[error("erasure not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl DomainError for ErasureStatusError {
    const STATUSES: &'static [u16] = &[404];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("No erasure was requested for this account."),
            Self::Db(e) => db_problem(e),
        }
    }
}

db_errors!(ExportError, DownloadError, ErasureError, ErasureStatusError);
