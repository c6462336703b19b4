//! Errors of the ledger: consuming and releasing units (the service API other domains
//! adapt), admin grants and revocations.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Fault, Invalid, Unexpected, error_set};
use poem::http::StatusCode;

use crate::error::{not_found, problem};
use haven_platform::{db_errors, fault_errors};

error_set!(
    /// `GET /v1/billing/me/entitlements`: 401, 403.
    pub MyEntitlementsErrors: Fault
);
error_set!(
    /// `GET /v1/billing/admin/members/{user_id}/entitlements`: 401, 403 (the role guard).
    pub MemberEntitlementsErrors; guarded
);
error_set!(
    /// `GET /v1/billing/admin/members/{user_id}/ledger`: 400 (bad cursor), 401, 403, 422.
    pub MemberLedgerErrors: Invalid; guarded
);
error_set!(
    /// `POST /v1/billing/admin/members/{user_id}/grants`: 401, 403, 409 (idempotency key
    /// in use), 422 (invalid fields, or the key reused).
    pub AdminGrantErrors: AdminGrantError; guarded
);
error_set!(
    /// `POST /v1/billing/admin/grants/{grant_id}/revoke`: 401, 403, 404, 409
    /// (`grant_revoked`, or the idempotency key in use), 422.
    pub AdminRevokeErrors: AdminRevokeError; guarded
);

/// Consuming a unit of a counted feature.
#[derive(Debug, thiserror::Error)]
pub enum ConsumeError {
    /// The feature is not counted in units.
    #[error("feature not counted")]
    NotCounted,
    /// The member has no access to the feature at that instant.
    #[error("not entitled")]
    NotEntitled,
    /// Every unit of the benefit year is used.
    #[error("quota exhausted")]
    QuotaExhausted,
    /// The reference is empty or too long.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for ConsumeError {
    const CODES: &'static [Code] = &[
        (403, "not_entitled"),
        (409, "quota_exhausted"),
        (422, "feature_not_counted"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotCounted => not_counted(),
            Self::NotEntitled => problem(
                StatusCode::FORBIDDEN,
                "not_entitled",
                "The member's plan does not include this feature.",
            ),
            Self::QuotaExhausted => problem(
                StatusCode::CONFLICT,
                "quota_exhausted",
                "Every unit of this benefit year is used.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Releasing a consumed unit.
#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    /// The feature is not counted in units.
    #[error("feature not counted")]
    NotCounted,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for ReleaseError {
    const CODES: &'static [Code] = &[(422, "feature_not_counted")];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotCounted => not_counted(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// An admin's grant.
#[derive(Debug, thiserror::Error)]
pub enum AdminGrantError {
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

impl DomainError for AdminGrantError {
    const CODES: &'static [Code] = &[VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// An admin's revocation.
#[derive(Debug, thiserror::Error)]
pub enum AdminRevokeError {
    /// No such grant.
    #[error("grant not found")]
    NotFound,
    /// The grant is revoked already.
    #[error("grant revoked")]
    AlreadyRevoked,
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

impl DomainError for AdminRevokeError {
    const CODES: &'static [Code] = &[NOT_FOUND, (409, "grant_revoked"), VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("The grant does not exist."),
            Self::AlreadyRevoked => problem(
                StatusCode::CONFLICT,
                "grant_revoked",
                "The grant is revoked already.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

fn not_counted() -> ProblemError {
    problem(
        StatusCode::UNPROCESSABLE_ENTITY,
        "feature_not_counted",
        "Only counted features (sessions) are consumed in units.",
    )
}

db_errors!(
    ConsumeError,
    ReleaseError,
    AdminGrantError,
    AdminRevokeError
);
fault_errors!(
    ConsumeError,
    ReleaseError,
    AdminGrantError,
    AdminRevokeError
);
