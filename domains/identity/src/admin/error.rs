//! Errors of the admin users resource (`/admin/users…`). Their `403` is the role
//! guard's, answered before the use-case runs.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{
    DbError, DomainError, Invalid, Unexpected, db_errors, error_set, fault_errors,
};
use poem::http::StatusCode;

use crate::error::{not_found, problem};

/// Reading one account.
#[derive(Debug, thiserror::Error)]
pub enum AdminGetError {
    /// No such account.
    #[error("account not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for AdminGetError {
    const CODES: &'static [Code] = &[NOT_FOUND];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("The account does not exist."),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Changing an account's roles or disabling/enabling it.
#[derive(Debug, thiserror::Error)]
pub enum AdminChangeError {
    /// No such account.
    #[error("account not found")]
    NotFound,
    /// The change would leave no enabled account with the `admin` role.
    #[error("last admin")]
    LastAdmin,
    /// The requested roles are invalid (`member` missing, a role twice).
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for AdminChangeError {
    const CODES: &'static [Code] = &[NOT_FOUND, (409, "last_admin"), VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("The account does not exist."),
            Self::LastAdmin => problem(
                StatusCode::CONFLICT,
                "last_admin",
                "This would leave no enabled administrator; make another account an \
                 administrator first.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(AdminGetError, AdminChangeError);

fault_errors!(AdminGetError, AdminChangeError);

// The admin operations' sets are `guarded`: their 403 is the role guard's
// (`forbidden`, `mfa_required`, `role_revoked`, `account_disabled`, see
// `haven_platform::auth::Refusal`), documented in the OpenAPI document.
error_set!(
    /// `GET /v1/identity/admin/users`: 400 (bad cursor), 401, 403 (the role guard), 422 (`limit` out of range, blank `email`).
    pub AdminListUsersErrors: Invalid; guarded
);

error_set!(
    /// `GET /v1/identity/admin/users/{user_id}`: 401, 403, 404.
    pub AdminGetUserErrors: AdminGetError; guarded
);

error_set!(
    /// `PUT /v1/identity/admin/users/{user_id}/roles`: 400 (unknown fields or roles),
    /// 401, 403, 404, 409 `last_admin`, 422 (`member` missing, a role twice).
    pub AdminSetRolesErrors: AdminChangeError; guarded
);

error_set!(
    /// `POST /v1/identity/admin/users/{user_id}/disable` and `…/enable`: 401, 403, 404,
    /// 409 `last_admin` (or the idempotency key in use), 422 (idempotency key reused).
    pub AdminAccountStateErrors: AdminChangeError; guarded
);
