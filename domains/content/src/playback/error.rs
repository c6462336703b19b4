//! Errors of playback sync and of the member's reads (stats, streak).

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError, VALIDATION_FAILED};
use haven_platform::{
    DbError, DomainError, Invalid, Unexpected, db_errors, error_set, fault_errors,
};

/// Syncing events or reading what they add up to.
#[derive(Debug, thiserror::Error)]
pub enum PlaybackError {
    /// Invalid fields.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for PlaybackError {
    const CODES: &'static [Code] = &[VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

error_set!(
    /// Member playback operations: 401, 403 (account disabled), 422.
    pub PlaybackErrors: PlaybackError; guarded
);

db_errors!(PlaybackError);
fault_errors!(PlaybackError);
