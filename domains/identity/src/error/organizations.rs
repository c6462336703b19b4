//! Errors of the organizations resource: organizations and their eligibility lists and
//! members (admin operations, whose `403` is the role guard's), and the caller's own
//! membership (`/me/organization`).

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::ProblemError;
use haven_platform::{DbError, DomainError, Invalid, Unexpected};
use poem::http::StatusCode;

use super::{db_errors, fault_errors, not_found, problem};
use crate::model::{ELIGIBILITY_MAX_REPORTED, EligibilityErrors};

const ORGANIZATION_NOT_FOUND: &str = "The organization does not exist.";

/// Creating an organization.
#[derive(Debug, thiserror::Error)]
pub enum CreateOrganizationError {
    /// An allowed domain already belongs to another organization.
    #[error("domain taken")]
    DomainTaken(String),
    /// Invalid fields (every problem listed).
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for CreateOrganizationError {
    const STATUSES: &'static [u16] = &[409, 422];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::DomainTaken(domain) => domain_taken(&domain),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Changing an organization.
#[derive(Debug, thiserror::Error)]
pub enum UpdateOrganizationError {
    /// No such organization.
    #[error("organization not found")]
    NotFound,
    /// An allowed domain already belongs to another organization.
    #[error("domain taken")]
    DomainTaken(String),
    /// Invalid fields (every problem listed).
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for UpdateOrganizationError {
    const STATUSES: &'static [u16] = &[404, 409, 422];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found(ORGANIZATION_NOT_FOUND),
            Self::DomainTaken(domain) => domain_taken(&domain),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Reading an organization or its members.
#[derive(Debug, thiserror::Error)]
pub enum OrganizationReadError {
    /// No such organization.
    #[error("organization not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for OrganizationReadError {
    const STATUSES: &'static [u16] = &[404];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found(ORGANIZATION_NOT_FOUND),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

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
    const STATUSES: &'static [u16] = &[404, 422];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::OrganizationNotFound => not_found(ORGANIZATION_NOT_FOUND),
            Self::Invalid(report) => eligibility_invalid(report),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Removing a member (admin).
#[derive(Debug, thiserror::Error)]
pub enum RemoveMemberError {
    /// No such organization.
    #[error("organization not found")]
    OrganizationNotFound,
    /// The account is not an active member of the organization.
    #[error("not a member")]
    NotAMember,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for RemoveMemberError {
    const STATUSES: &'static [u16] = &[404];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::OrganizationNotFound => not_found(ORGANIZATION_NOT_FOUND),
            Self::NotAMember => not_a_member(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

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
    const STATUSES: &'static [u16] = &[403, 404, 409, 422];

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
    const STATUSES: &'static [u16] = &[404];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotAMember => not_a_member(),
            Self::AccountNotFound => not_found("The account does not exist."),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(
    CreateOrganizationError,
    UpdateOrganizationError,
    OrganizationReadError,
    EligibilityError,
    RemoveMemberError,
    JoinError,
    MyMembershipError,
);
fault_errors!(
    CreateOrganizationError,
    UpdateOrganizationError,
    OrganizationReadError,
    EligibilityError,
    RemoveMemberError,
    JoinError,
    MyMembershipError,
);

fn domain_taken(domain: &str) -> ProblemError {
    problem(
        StatusCode::CONFLICT,
        "domain_taken",
        format!("The domain {domain} is already allowed by another organization."),
    )
    .with_field(
        "allowed_domains",
        "taken",
        format!("{domain} belongs to another organization"),
    )
}

fn not_a_member() -> ProblemError {
    problem(
        StatusCode::NOT_FOUND,
        "not_a_member",
        "There is no active membership.",
    )
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
