//! Errors of the organization operations.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{
    DbError, DomainError, Invalid, Unexpected, db_errors, error_set, fault_errors,
};
use poem::http::StatusCode;

use crate::error::{not_found, problem};
use crate::memberships::error::not_a_member;

pub(crate) const ORGANIZATION_NOT_FOUND: &str = "The organization does not exist.";

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
    const CODES: &'static [Code] = &[(409, "domain_taken"), VALIDATION_FAILED];

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
    const CODES: &'static [Code] = &[NOT_FOUND, (409, "domain_taken"), VALIDATION_FAILED];

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
    const CODES: &'static [Code] = &[NOT_FOUND];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found(ORGANIZATION_NOT_FOUND),
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
    const CODES: &'static [Code] = &[NOT_FOUND, (404, "not_a_member")];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::OrganizationNotFound => not_found(ORGANIZATION_NOT_FOUND),
            Self::NotAMember => not_a_member(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

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

error_set!(
    /// `POST /v1/identity/organizations`: 401, 403 (the role guard),
    /// 409 (`domain_taken`, or the idempotency key in use), 422 (invalid fields, or the
    /// idempotency key reused).
    pub CreateOrganizationErrors: CreateOrganizationError; guarded
);

error_set!(
    /// `GET /v1/identity/organizations`: 401, 403, 422 (`limit` out of range).
    pub ListOrganizationsErrors: Invalid; guarded
);

error_set!(
    /// `GET /v1/identity/organizations/{organization_id}`: 401, 403, 404.
    pub GetOrganizationErrors: OrganizationReadError; guarded
);

error_set!(
    /// `PATCH /v1/identity/organizations/{organization_id}`: 401, 403, 404, 409
    /// (`domain_taken`), 422.
    pub UpdateOrganizationErrors: UpdateOrganizationError; guarded
);

error_set!(
    /// `GET /v1/identity/organizations/{organization_id}/members`: 401, 403, 404, 422.
    pub ListMembersErrors: OrganizationReadError, Invalid; guarded
);

error_set!(
    /// `DELETE /v1/identity/organizations/{organization_id}/members/{user_id}`: 401, 403,
    /// 404 (no such organization or not an active member).
    pub RemoveMemberErrors: RemoveMemberError; guarded
);

db_errors!(
    CreateOrganizationError,
    UpdateOrganizationError,
    OrganizationReadError,
    RemoveMemberError,
);
fault_errors!(
    CreateOrganizationError,
    UpdateOrganizationError,
    OrganizationReadError,
    RemoveMemberError,
);
