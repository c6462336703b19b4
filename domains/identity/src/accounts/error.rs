//! Errors of the accounts resource: registration, the caller's account and profile, and
//! the caller's identity as the access token names it.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{
    DbError, DomainError, Invalid, Unexpected, db_errors, error_set, fault_errors,
};
use poem::http::StatusCode;

use crate::error::{not_found, problem};

/// Creating an account (registration, the admin CLI, the seed).
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// An account with this email exists.
    #[error("email taken")]
    EmailTaken,
    /// Invalid fields (every problem listed).
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for RegisterError {
    const CODES: &'static [Code] = &[(409, "email_taken"), VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::EmailTaken => problem(
                StatusCode::CONFLICT,
                "email_taken",
                "An account with this email address already exists.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Reading the caller's account.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The account no longer exists.
    #[error("account not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for AccountError {
    const CODES: &'static [Code] = &[NOT_FOUND];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("The account does not exist."),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Changing the caller's profile.
#[derive(Debug, thiserror::Error)]
pub enum UpdateProfileError {
    /// The account no longer exists (or its erasure was requested).
    #[error("account not found")]
    NotFound,
    /// Invalid values (every problem listed).
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for UpdateProfileError {
    const CODES: &'static [Code] = &[NOT_FOUND, VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("The account does not exist."),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(RegisterError, AccountError, UpdateProfileError);

fault_errors!(RegisterError, AccountError, UpdateProfileError);

error_set!(
    /// `POST /v1/identity/register`: 409 (`email_taken`, or the idempotency key in use)
    /// and 422 (invalid fields, or the idempotency key reused with another request).
    pub RegisterErrors: RegisterError
);

error_set!(
    /// `GET /v1/identity/me`: 401 (no valid token), 403, 404 (account gone).
    pub MeErrors: AccountError
);

error_set!(
    /// `PATCH /v1/identity/me`: 400 (unknown or read-only fields), 401, 403, 404 (account
    /// gone), 422 (invalid values).
    pub UpdateProfileErrors: UpdateProfileError
);
