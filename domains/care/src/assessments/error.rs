//! Errors of assessments.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};
use haven_platform::{db_errors, fault_errors};
use poem::http::StatusCode;

use crate::error::problem;

error_set!(
    /// The instruments and taking an assessment: 401, 422.
    pub AssessmentErrors: Invalid, AssessmentError
);
error_set!(
    /// A member's reads of their assessments (health data: the live account is checked
    /// first): 400, 401, 403, 404, 422.
    pub MyAssessmentErrors: Invalid, AssessmentError; guarded
);
error_set!(
    /// Clinician reads of a member's assessments (the role guard first): 400, 401, 403,
    /// 404, 422.
    pub ClinicianAssessmentErrors: Invalid, AssessmentError; guarded
);

/// `404 assessment_not_found`.
pub const ASSESSMENT_NOT_FOUND: Code = (404, "assessment_not_found");
/// `404 member_not_found`.
pub const MEMBER_NOT_FOUND: Code = (404, "member_not_found");

/// Submitting or reading assessments.
#[derive(Debug, thiserror::Error)]
pub enum AssessmentError {
    /// No such assessment (or not the caller's).
    #[error("assessment not found")]
    NotFound,
    /// The member is not on the clinician's care team (or does not exist).
    #[error("member not found")]
    MemberNotFound,
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

impl DomainError for AssessmentError {
    const CODES: &'static [Code] = &[ASSESSMENT_NOT_FOUND, MEMBER_NOT_FOUND, VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => problem(
                StatusCode::NOT_FOUND,
                "assessment_not_found",
                "There is no such assessment.",
            ),
            Self::MemberNotFound => problem(
                StatusCode::NOT_FOUND,
                "member_not_found",
                "There is no such member on your care team.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(AssessmentError);
fault_errors!(AssessmentError);
