//! Errors of employer contracts.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::ProblemError;
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};

use crate::error::not_found;
use haven_platform::{db_errors, fault_errors};

error_set!(
    /// `PUT /v1/billing/admin/employers/{organization_id}/contract`: 400, 401, 403, 422
    /// (seats out of range, unknown product).
    pub SetContractErrors: 400, 401, 403, 422; guarded
);
error_set!(
    /// `GET /v1/billing/admin/employers/{organization_id}/contract`: 401, 403, 404.
    pub GetContractErrors: 401, 403, 404; guarded
);
error_set!(
    /// `GET /v1/billing/admin/employers/{organization_id}/waitlist`: 400 (bad cursor),
    /// 401, 403, 422 (`limit`).
    pub WaitlistErrors: 400, 401, 403, 422; guarded
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
    const STATUSES: &'static [u16] = &[404];

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
    const STATUSES: &'static [u16] = &[422];

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
