//! Errors of schedules and slots.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};
use haven_platform::{db_errors, fault_errors};
use poem::http::StatusCode;

use crate::error::problem;
use crate::providers::error::{PROVIDER_NOT_FOUND, provider_not_found};

error_set!(
    /// Schedule operations of providers and admins: 401, 403, 404, 422.
    pub ScheduleErrors: AvailabilityError; guarded
);
error_set!(
    /// `GET /v1/care/providers/{id}/slots`: 401, 404, 422.
    pub SlotsErrors: AvailabilityError
);

/// Reading or setting hours, listing slots.
#[derive(Debug, thiserror::Error)]
pub enum AvailabilityError {
    /// No such provider.
    #[error("provider not found")]
    ProviderNotFound,
    /// The caller has no provider profile.
    #[error("no provider profile")]
    NoProfile,
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

impl DomainError for AvailabilityError {
    const CODES: &'static [Code] = &[
        PROVIDER_NOT_FOUND,
        (404, "provider_profile_not_found"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::ProviderNotFound => provider_not_found(),
            Self::NoProfile => problem(
                StatusCode::NOT_FOUND,
                "provider_profile_not_found",
                "Your account has no provider profile; an admin creates it.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(AvailabilityError);
fault_errors!(AvailabilityError);
