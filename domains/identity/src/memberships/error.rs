//! Errors of joining, reading and leaving a membership.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::ratelimit::RateLimited;
use haven_platform::{
    DbError, DomainError, Invalid, Unexpected, db_errors, error_set, fault_errors,
};
use poem::http::StatusCode;

use crate::error::{not_found, problem};
use crate::organizations::error::ORGANIZATION_NOT_FOUND;

/// Joining an organization.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    /// No such organization.
    #[error("organization not found")]
    OrganizationNotFound,
    /// The account no longer exists.
    #[error("account not found")]
    AccountNotFound,
    /// Joining needs a verified email address.
    #[error("email not verified")]
    EmailNotVerified,
    /// Neither the email's domain nor the eligibility list qualifies the member.
    #[error("not eligible")]
    NotEligible,
    /// The member already has an active membership in another organization.
    #[error("already a member")]
    AlreadyMember,
    /// The employee id backs another member's active membership.
    #[error("employee id claimed")]
    EmployeeIdClaimed,
    /// Every sponsored seat of the organization is taken; the member is on its waitlist.
    #[error("sponsored seats full")]
    SeatsFull,
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

impl DomainError for JoinError {
    const CODES: &'static [Code] = &[
        NOT_FOUND,
        (403, "email_not_verified"),
        (403, "not_eligible"),
        (409, "already_member"),
        (409, "employee_id_claimed"),
        (409, "seats_full"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::OrganizationNotFound => not_found(ORGANIZATION_NOT_FOUND),
            Self::AccountNotFound => not_found("The account does not exist."),
            Self::EmailNotVerified => problem(
                StatusCode::FORBIDDEN,
                "email_not_verified",
                "Verify your email address before joining an organization.",
            ),
            Self::NotEligible => problem(
                StatusCode::FORBIDDEN,
                "not_eligible",
                "Neither your email address nor the employee id makes you eligible for this \
                 organization.",
            ),
            Self::AlreadyMember => problem(
                StatusCode::CONFLICT,
                "already_member",
                "You are already sponsored by another organization; leave it first.",
            ),
            Self::EmployeeIdClaimed => problem(
                StatusCode::CONFLICT,
                "employee_id_claimed",
                "This employee id is already used by another member; contact your employer.",
            ),
            Self::SeatsFull => problem(
                StatusCode::CONFLICT,
                "seats_full",
                "Every seat your organization sponsors is taken. You are on its waitlist; \
                 try again when your organization tells you a seat is free.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Reading or leaving one's own membership.
#[derive(Debug, thiserror::Error)]
pub enum MyMembershipError {
    /// The caller has no active membership.
    #[error("not a member")]
    NotAMember,
    /// The account no longer exists.
    #[error("account not found")]
    AccountNotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for MyMembershipError {
    const CODES: &'static [Code] = &[NOT_FOUND, (404, "not_a_member")];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotAMember => not_a_member(),
            Self::AccountNotFound => not_found("The account does not exist."),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

pub(crate) fn not_a_member() -> ProblemError {
    problem(
        StatusCode::NOT_FOUND,
        "not_a_member",
        "There is no active membership.",
    )
}

error_set!(
    /// `POST /v1/identity/me/organization`: 401, 403 (`email_not_verified`,
    /// `not_eligible`), 404 (no such organization), 409 (`already_member`,
    /// `employee_id_claimed`, `seats_full`, or the idempotency key in use), 422, 429.
    pub JoinOrganizationErrors: JoinError, RateLimited
);

error_set!(
    /// `GET` and `DELETE /v1/identity/me/organization`: 401, 403, 404 (`not_a_member`).
    pub MyOrganizationErrors: MyMembershipError
);

db_errors!(JoinError, MyMembershipError);
fault_errors!(JoinError, MyMembershipError);
