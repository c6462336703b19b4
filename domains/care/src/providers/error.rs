//! Errors of provider profiles.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};
use haven_platform::{db_errors, fault_errors};
use poem::http::StatusCode;

use crate::error::problem;

error_set!(
    /// `POST /v1/care/admin/providers`, `PUT /v1/care/admin/providers/{id}`: 401, 403,
    /// 404, 409 `provider_exists`, 422.
    pub WriteProviderErrors: ProviderError; guarded
);
error_set!(
    /// `GET /v1/care/admin/providers/{id}`: 401, 403, 404.
    pub AdminProviderErrors: ProviderError; guarded
);
error_set!(
    /// `GET /v1/care/admin/providers`: 400, 401, 403, 422.
    pub AdminListProvidersErrors: Invalid, ProviderError; guarded
);
error_set!(
    /// `GET /v1/care/providers`: 400 (bad cursor), 401, 422 (`limit`).
    pub ListProvidersErrors: Invalid, ProviderError
);
error_set!(
    /// `GET /v1/care/providers/{id}`: 401, 404.
    pub GetProviderErrors: ProviderError
);

/// Managing or reading a provider profile.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// No such provider.
    #[error("provider not found")]
    NotFound,
    /// The account already has a profile.
    #[error("provider exists")]
    Exists,
    /// Invalid fields (among them an account that does not exist or lacks the role).
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

/// `404 provider_not_found`.
pub const PROVIDER_NOT_FOUND: Code = (404, "provider_not_found");

impl DomainError for ProviderError {
    const CODES: &'static [Code] = &[
        PROVIDER_NOT_FOUND,
        (409, "provider_exists"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => provider_not_found(),
            Self::Exists => problem(
                StatusCode::CONFLICT,
                "provider_exists",
                "This account already has a provider profile.",
            )
            .with_field(
                "user_id",
                "taken",
                "this account already has a provider profile",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// The problem of an unknown provider.
pub fn provider_not_found() -> ProblemError {
    problem(
        StatusCode::NOT_FOUND,
        "provider_not_found",
        "There is no such provider.",
    )
}

db_errors!(ProviderError);
fault_errors!(ProviderError);
