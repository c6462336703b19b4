//! Errors of the narrator operations.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, db_errors, error_set};

use crate::error::not_found;
use haven_platform::fault_errors;

const NARRATOR_NOT_FOUND: &str = "The narrator does not exist.";

/// Changing a narrator.
#[derive(Debug, thiserror::Error)]
pub enum NarratorError {
    /// No such narrator.
    #[error("narrator not found")]
    NotFound,
    /// `If-Match` absent (428) or stale (412).
    #[error("precondition")]
    Precondition(ProblemError),
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

impl DomainError for NarratorError {
    const CODES: &'static [Code] = &[
        NOT_FOUND,
        (412, "precondition_failed"),
        (428, "precondition_required"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found(NARRATOR_NOT_FOUND),
            Self::Precondition(p) => p,
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Creating a narrator.
#[derive(Debug, thiserror::Error)]
pub enum CreateNarratorError {
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

impl DomainError for CreateNarratorError {
    const CODES: &'static [Code] = &[VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Reading a narrator as an editor.
#[derive(Debug, thiserror::Error)]
pub enum NarratorReadError {
    /// No such narrator.
    #[error("narrator not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for NarratorReadError {
    const CODES: &'static [Code] = &[NOT_FOUND];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found(NARRATOR_NOT_FOUND),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

error_set!(
    /// `POST /v1/content/admin/narrators`: 401, 403, 409 (idempotency key in use), 422.
    pub CreateNarratorErrors: CreateNarratorError; guarded
);

error_set!(
    /// `GET /v1/content/admin/narrators/{narrator_id}`: 401, 403, 404.
    pub GetNarratorErrors: NarratorReadError; guarded
);

error_set!(
    /// `PUT /v1/content/admin/narrators/{narrator_id}`: 401, 403, 404, 412 (stale
    /// `If-Match`), 422, 428 (no `If-Match`).
    pub ReplaceNarratorErrors: NarratorError; guarded
);

db_errors!(NarratorError, CreateNarratorError, NarratorReadError);
fault_errors!(NarratorError, CreateNarratorError, NarratorReadError);
