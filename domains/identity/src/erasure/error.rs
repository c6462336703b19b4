//! Errors of account erasure.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError};
use haven_platform::ratelimit::RateLimited;
use haven_platform::{DbError, DomainError, Unexpected, db_errors, error_set};
use poem::http::StatusCode;

use crate::error::{not_found, problem};

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
    const CODES: &'static [Code] = &[
        NOT_FOUND,
        (403, "reauthentication_failed"),
        (409, "erasure_already_requested"),
    ];

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
    const CODES: &'static [Code] = &[NOT_FOUND];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("No erasure was requested for this account."),
            Self::Db(e) => db_problem(e),
        }
    }
}

error_set!(
    /// `POST /v1/identity/me/delete`: 401, 403 `reauthentication_failed` (wrong password),
    /// 404 (account gone), 409 `erasure_already_requested` (or the idempotency key in
    /// use), 422 (idempotency key reused), 429 `rate_limited`.
    pub RequestErasureErrors: ErasureError, RateLimited
);

error_set!(
    /// `GET /v1/identity/me/erasure`: 401, 403, 404 `not_found` (no erasure requested).
    pub ErasureStatusErrors: ErasureStatusError
);

db_errors!(ErasureError, ErasureStatusError);
