//! Errors of the accounts resource: registration, the caller's account and profile, and
//! the caller's identity as the access token names it.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::ProblemError;
use haven_platform::{DbError, DomainError, Invalid, Unexpected};
use poem::http::StatusCode;

use super::{db_errors, fault_errors, not_found, problem};

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
    const STATUSES: &'static [u16] = &[409, 422];

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
    const STATUSES: &'static [u16] = &[404];

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
    const STATUSES: &'static [u16] = &[404, 422];

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
