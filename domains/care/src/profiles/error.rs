//! Errors of care profiles.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};
use haven_platform::{db_errors, fault_errors};
use poem::http::StatusCode;

use crate::error::problem;

error_set!(
    /// `GET /v1/care/me/profile`, `PUT /v1/care/me/profile`: 401, 403 (the guard: health
    /// data is only for a live account), 404, 422.
    pub ProfileErrors: ProfileError; guarded
);
error_set!(
    /// `GET /v1/care/admin/members/{user_id}/profile`: 401, 403, 404, 422.
    pub AdminProfileErrors: ProfileError; guarded
);
error_set!(
    /// `GET /v1/care/provider/members/{user_id}/profile`: 401, 403, 404.
    pub TeamProfileErrors: ProfileError; guarded
);

/// Reading or writing a care profile.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The member has no care profile.
    #[error("care profile not found")]
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

impl DomainError for ProfileError {
    const CODES: &'static [Code] = &[(404, "care_profile_not_found"), VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => problem(
                StatusCode::NOT_FOUND,
                "care_profile_not_found",
                "There is no care profile yet.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(ProfileError);
fault_errors!(ProfileError);
