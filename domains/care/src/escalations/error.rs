//! Errors of escalation tasks.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};
use haven_platform::{db_errors, fault_errors};
use poem::http::StatusCode;

use crate::error::problem;

error_set!(
    /// Clinician operations on escalation tasks (the role guard first): 401, 403, 404,
    /// 409, 422.
    pub EscalationErrors: EscalationError; guarded
);
error_set!(
    /// The clinician's list of escalation tasks (the role guard first): 400, 401, 403,
    /// 404, 422.
    pub ListEscalationsErrors: Invalid, EscalationError; guarded
);

/// Reading, acknowledging or resolving an escalation task.
#[derive(Debug, thiserror::Error)]
pub enum EscalationError {
    /// No such task (or not routed to the caller nor the on-call queue).
    #[error("escalation not found")]
    NotFound,
    /// The caller has no clinician's provider profile.
    #[error("no provider profile")]
    NoProfile,
    /// Resolved already.
    #[error("escalation resolved")]
    Resolved,
    /// Resolving needs an acknowledgement first.
    #[error("escalation not acknowledged")]
    NotAcknowledged,
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

impl DomainError for EscalationError {
    const CODES: &'static [Code] = &[
        (404, "escalation_not_found"),
        (404, "provider_profile_not_found"),
        (409, "escalation_resolved"),
        (409, "escalation_not_acknowledged"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        let conflict = |code, detail| problem(StatusCode::CONFLICT, code, detail);
        match self {
            Self::NotFound => problem(
                StatusCode::NOT_FOUND,
                "escalation_not_found",
                "There is no such escalation task.",
            ),
            Self::NoProfile => problem(
                StatusCode::NOT_FOUND,
                "provider_profile_not_found",
                "Your account has no clinician's provider profile.",
            ),
            Self::Resolved => conflict("escalation_resolved", "This task is resolved."),
            Self::NotAcknowledged => conflict(
                "escalation_not_acknowledged",
                "Acknowledge this task before resolving it.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(EscalationError);
fault_errors!(EscalationError);
