//! Errors of favorites.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{
    DbError, DomainError, Invalid, Unexpected, db_errors, error_set, fault_errors,
};

use crate::error::not_found;

/// Putting, deleting or listing favorites.
#[derive(Debug, thiserror::Error)]
pub enum FavoriteError {
    /// The item or course is not published.
    #[error("not found")]
    NotFound,
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

impl DomainError for FavoriteError {
    const CODES: &'static [Code] = &[NOT_FOUND, VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("Nothing published has this id."),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

error_set!(
    /// Favorites: 401, 403, 404 (not published), 422 (`limit`).
    pub FavoriteErrors: FavoriteError, Invalid; guarded
);

db_errors!(FavoriteError);
fault_errors!(FavoriteError);
