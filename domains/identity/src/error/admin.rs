//! Errors of the admin users resource (`/admin/users…`). Their `403` is the role
//! guard's, answered before the use-case runs.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::ProblemError;
use haven_platform::{DbError, DomainError, Invalid, Unexpected};
use poem::http::StatusCode;

use super::{db_errors, fault_errors, not_found, problem};

/// Reading one account.
#[derive(Debug, thiserror::Error)]
pub enum AdminGetError {
    /// No such account.
    #[error("account not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for AdminGetError {
    const STATUSES: &'static [u16] = &[404];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("The account does not exist."),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Changing an account's roles or disabling/enabling it.
#[derive(Debug, thiserror::Error)]
pub enum AdminChangeError {
    /// No such account.
    #[error("account not found")]
    NotFound,
    /// The change would leave no enabled account with the `admin` role.
    #[error("last admin")]
    LastAdmin,
    /// The requested roles are invalid (`member` missing, a role twice).
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for AdminChangeError {
    const STATUSES: &'static [u16] = &[404, 409, 422];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("The account does not exist."),
            Self::LastAdmin => problem(
                StatusCode::CONFLICT,
                "last_admin",
                "This would leave no enabled administrator; make another account an \
                 administrator first.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(AdminGetError, AdminChangeError);
fault_errors!(AdminGetError, AdminChangeError);
