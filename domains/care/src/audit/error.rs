//! Errors of the audit log query.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};
use haven_platform::{db_errors, fault_errors};

error_set!(
    /// `GET /v1/care/admin/phi-audit`: 400 (bad cursor), 401, 403, 422.
    pub AuditQueryErrors: Invalid, AuditError; guarded
);

/// Querying the audit log.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// Invalid filters.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for AuditError {
    const CODES: &'static [Code] = &[VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(AuditError);
fault_errors!(AuditError);
