//! Errors of employer contracts.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};

use crate::error::not_found;
use haven_platform::{db_errors, fault_errors};

error_set!(
    /// `PUT /v1/billing/admin/employers/{organization_id}/contract`: 400, 401, 403, 422
    /// (seats out of range, unknown product).
    pub SetContractErrors: ContractError; guarded
);
error_set!(
    /// `GET /v1/billing/admin/employers/{organization_id}/contract`: 401, 403, 404.
    pub GetContractErrors: ContractReadError; guarded
);
error_set!(
    /// `GET /v1/billing/admin/employers/{organization_id}/waitlist`: 400 (bad cursor),
    /// 401, 403, 422 (`limit`).
    pub WaitlistErrors: Invalid; guarded
);

/// Reading a contract.
#[derive(Debug, thiserror::Error)]
pub enum ContractReadError {
    /// The organization has no contract.
    #[error("contract not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for ContractReadError {
    const CODES: &'static [Code] = &[NOT_FOUND];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("The organization has no billing contract."),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Setting a contract.
#[derive(Debug, thiserror::Error)]
pub enum ContractError {
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

impl DomainError for ContractError {
    const CODES: &'static [Code] = &[VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(ContractError, ContractReadError);
fault_errors!(ContractError, ContractReadError);
