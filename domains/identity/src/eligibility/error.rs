//! Errors of the eligibility upload.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError};
use haven_platform::{DbError, DomainError, Unexpected, db_errors, error_set, fault_errors};
use poem::http::StatusCode;

use super::model::{ELIGIBILITY_MAX_REPORTED, EligibilityErrors};
use crate::error::{not_found, problem};
use crate::organizations::error::ORGANIZATION_NOT_FOUND;

/// Replacing an organization's eligibility list.
#[derive(Debug, thiserror::Error)]
pub enum EligibilityError {
    /// No such organization.
    #[error("organization not found")]
    OrganizationNotFound,
    /// The uploaded list has invalid rows (nothing was changed).
    #[error("eligibility list invalid")]
    Invalid(EligibilityErrors),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for EligibilityError {
    const CODES: &'static [Code] = &[NOT_FOUND, (422, "eligibility_list_invalid")];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::OrganizationNotFound => not_found(ORGANIZATION_NOT_FOUND),
            Self::Invalid(report) => eligibility_invalid(report),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

fn eligibility_invalid(report: EligibilityErrors) -> ProblemError {
    let listed = if report.total > ELIGIBILITY_MAX_REPORTED {
        format!(" (the first {ELIGIBILITY_MAX_REPORTED} are listed)")
    } else {
        String::new()
    };
    report.problems.into_iter().fold(
        problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "eligibility_list_invalid",
            format!(
                "The list has {} problem(s){listed}; nothing was changed.",
                report.total
            ),
        ),
        |p, row| {
            p.with_field(
                format!("rows[{}].{}", row.row, row.column),
                row.code,
                row.message,
            )
        },
    )
}

error_set!(
    /// `PUT /v1/identity/organizations/{organization_id}/eligibility`: 401, 403, 404, 422
    /// (`eligibility_list_invalid` with one entry per bad row).
    pub UploadEligibilityErrors: EligibilityError; guarded
);

db_errors!(EligibilityError);
fault_errors!(EligibilityError);
