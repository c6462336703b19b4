//! Errors of the catalog reads.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, db_errors, error_set};

use crate::error::not_found;
use haven_platform::fault_errors;

/// Reading the published catalog.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// Not in the published catalog.
    #[error("not found")]
    NotFound(&'static str),
    /// Invalid query parameters.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed (only while loading the first snapshot).
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for CatalogError {
    const CODES: &'static [Code] = &[NOT_FOUND, VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound(what) => not_found(what),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Listing the published catalog.
#[derive(Debug, thiserror::Error)]
pub enum BrowseError {
    /// Invalid query parameters.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed (only while loading the first snapshot).
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for BrowseError {
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
    /// Catalog lists: 422 (a parameter outside its documented rule).
    pub BrowseErrors: BrowseError
);

error_set!(
    /// One catalog entry: 404 (not published), 422.
    pub CatalogEntryErrors: CatalogError
);

db_errors!(CatalogError, BrowseError);
fault_errors!(CatalogError, BrowseError);
