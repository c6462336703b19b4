//! The identity domain's errors: one enum per resource (or per group of operations of a
//! resource when their documented error sets differ), each mapped to problems by an
//! exhaustive `match` in its [`DomainError`](haven_platform::DomainError) impl. The
//! conversion into an operation's `ApiError<S>` fails to compile when `S` (the
//! `error_set!` below) does not document every status the enum can answer. Bodies never
//! carry passwords, tokens or hashes; 5xx causes go to the log only.

pub mod accounts;
pub mod admin;
pub mod credentials;
pub mod mfa;
pub mod organizations;
pub mod privacy;
pub mod sessions;

/// `From<diesel::result::Error>` for resource enums with a `Db(DbError)` variant: a
/// query failure inside a use-case is the database's, kept as the source.
macro_rules! db_errors {
    ($($t:ty),+ $(,)?) => {$(
        impl From<diesel::result::Error> for $t {
            fn from(e: diesel::result::Error) -> Self {
                Self::Db(haven_platform::DbError::Query(e))
            }
        }
    )+};
}
pub(crate) use db_errors;

/// `From<Fault>` for resource enums with `Db(DbError)` and `Unexpected(Unexpected)`
/// variants, so they can call the helpers shared by several resources.
macro_rules! fault_errors {
    ($($t:ty),+ $(,)?) => {$(
        impl From<$crate::error::Fault> for $t {
            fn from(e: $crate::error::Fault) -> Self {
                match e {
                    $crate::error::Fault::Db(e) => Self::Db(e),
                    $crate::error::Fault::Unexpected(e) => Self::Unexpected(e),
                }
            }
        }
    )+};
}
pub(crate) use fault_errors;

/// The failure of a helper shared by several resources (lockout, second-factor checks,
/// account lookups): the database or something unexpected, never a domain outcome, so
/// each resource's enum absorbs it without a new status.
#[derive(Debug, thiserror::Error)]
pub enum Fault {
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

db_errors!(Fault);

impl haven_platform::DomainError for Fault {
    const STATUSES: &'static [u16] = &[];

    fn into_problem(self) -> haven_platform::http::problem::ProblemError {
        match self {
            Self::Db(e) => haven_platform::http::domain_error::db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Every problem listed, as the platform's `422 validation_failed`.
pub fn invalid(problems: Vec<FieldProblem>) -> haven_platform::Invalid {
    haven_platform::Invalid(problems.into_iter().map(Into::into).collect())
}

impl From<FieldProblem> for haven_platform::http::problem::FieldError {
    fn from(p: FieldProblem) -> Self {
        Self {
            field: p.field.to_owned(),
            code: p.code.to_owned(),
            message: p.message,
        }
    }
}

/// A problem with `status`, `code` and `detail` (the shape every mapping builds).
pub(crate) fn problem(
    status: StatusCode,
    code: &str,
    detail: impl Into<String>,
) -> haven_platform::http::problem::ProblemError {
    haven_platform::http::problem::ProblemError::new(status, code).with_detail(detail)
}

/// `problem` with `Retry-After` when `retry_after_s` is set (a locked account).
pub(crate) fn with_retry_after(
    problem: haven_platform::http::problem::ProblemError,
    retry_after_s: Option<u64>,
) -> haven_platform::http::problem::ProblemError {
    match retry_after_s {
        Some(s) => problem.with_retry_after(s),
        None => problem,
    }
}

/// `404 not_found` with `detail`.
pub(crate) fn not_found(detail: &str) -> haven_platform::http::problem::ProblemError {
    problem(StatusCode::NOT_FOUND, "not_found", detail)
}

use haven_platform::{DbError, Unexpected, error_set};
use poem::http::StatusCode;

use crate::model::{EmailError, PasswordError};

error_set!(
    /// `POST /v1/identity/register`: 409 (`email_taken`, or the idempotency key in use)
    /// and 422 (invalid fields, or the idempotency key reused with another request).
    pub RegisterErrors: 409, 422
);
error_set!(
    /// `POST /v1/identity/login`: 401 `invalid_credentials` (with `Retry-After` while
    /// the account is locked), 403 `account_disabled` (right password, disabled account),
    /// 429 `rate_limited` (per email or per IP).
    pub LoginErrors: 401, 403, 429
);
error_set!(
    /// `POST /v1/identity/token/refresh`: 401 `invalid_refresh_token`.
    pub RefreshErrors: 401
);
error_set!(
    /// `GET /v1/identity/me`: 401 (no valid token), 403, 404 (account gone).
    pub MeErrors: 401, 403, 404
);
error_set!(
    /// `PATCH /v1/identity/me`: 400 (unknown or read-only fields), 401, 403, 404 (account
    /// gone), 422 (invalid values).
    pub UpdateProfileErrors: 400, 401, 403, 404, 422
);
error_set!(
    /// `GET /v1/identity/me/sessions`: 401, 403, 422 (`limit` out of range).
    pub ListSessionsErrors: 401, 403, 422
);
error_set!(
    /// `DELETE /v1/identity/me/sessions/{session_id}`: 401, 403, 404 (not the caller's).
    pub RevokeSessionErrors: 401, 403, 404
);
error_set!(
    /// `POST /v1/identity/login/mfa`: 401 `invalid_mfa_token` (unknown, used, expired or
    /// out of attempts) or `invalid_mfa_code` (with `Retry-After` while the account is
    /// locked), 422 (neither or both of `code` and `recovery_code`), 429 `rate_limited`.
    pub LoginMfaErrors: 401, 422, 429
);
error_set!(
    /// `GET /v1/identity/me/mfa`: 401, 403, 404 (account gone).
    pub MfaStatusErrors: 401, 403, 404
);
error_set!(
    /// `POST /v1/identity/me/mfa/totp`: 401, 403, 404 (account gone), 409
    /// `mfa_already_enabled`.
    pub StartTotpErrors: 401, 403, 404, 409
);
error_set!(
    /// Confirming, regenerating recovery codes and disabling: 401, 403 (also
    /// `invalid_mfa_code`, with `Retry-After` while the account is locked), 409
    /// (`mfa_not_pending` / `mfa_not_enabled`), 422 (malformed body).
    pub MfaChangeErrors: 401, 403, 409, 422
);
// The admin operations' sets are `guarded`: their 403 is the role guard's
// (`forbidden`, `mfa_required`, `role_revoked`, `account_disabled`, see
// `haven_platform::auth::Refusal`), documented in the OpenAPI document.
error_set!(
    /// `GET /v1/identity/admin/users`: 400 (bad cursor), 401, 403 (the role guard), 422 (`limit` out of range, blank `email`).
    pub AdminListUsersErrors: 400, 401, 403, 422; guarded
);
error_set!(
    /// `GET /v1/identity/admin/users/{user_id}`: 401, 403, 404.
    pub AdminGetUserErrors: 401, 403, 404; guarded
);
error_set!(
    /// `PUT /v1/identity/admin/users/{user_id}/roles`: 400 (unknown fields or roles),
    /// 401, 403, 404, 409 `last_admin`, 422 (`member` missing, a role twice).
    pub AdminSetRolesErrors: 400, 401, 403, 404, 409, 422; guarded
);
error_set!(
    /// `POST /v1/identity/admin/users/{user_id}/disable` and `…/enable`: 401, 403, 404,
    /// 409 `last_admin` (or the idempotency key in use), 422 (idempotency key reused).
    pub AdminAccountStateErrors: 401, 403, 404, 409, 422; guarded
);
error_set!(
    /// `POST /v1/identity/me/email-verification`: 401, 403, 404 (account gone), 409
    /// (`email_already_verified`, or the idempotency key in use), 422 (the idempotency key
    /// reused with another request), 429 `rate_limited`.
    pub RequestEmailVerificationErrors: 401, 403, 404, 409, 422, 429
);
error_set!(
    /// `POST /v1/identity/email-verification/confirm`: 409 (idempotency key in use), 422
    /// (`email_token_invalid`, or the idempotency key reused), 429 `rate_limited`.
    pub ConfirmEmailErrors: 409, 422, 429
);
error_set!(
    /// `POST /v1/identity/password-reset`: 409 (idempotency key in use), 422 (malformed
    /// email, or the idempotency key reused), 429 `rate_limited`.
    pub RequestPasswordResetErrors: 409, 422, 429
);
error_set!(
    /// `POST /v1/identity/password-reset/confirm`: 409 (idempotency key in use), 422
    /// (`email_token_invalid`, the new password breaks the policy, or the idempotency key
    /// reused), 429 `rate_limited`.
    pub ResetPasswordErrors: 409, 422, 429
);
error_set!(
    /// `PUT /v1/identity/me/password`: 401, 403, 404 (account gone), 422 (wrong current
    /// password, or the new one breaks the policy), 429 `rate_limited`.
    pub ChangePasswordErrors: 401, 403, 404, 422, 429
);
error_set!(
    /// `POST /v1/identity/me/export`: 401, 403, 404 (account gone), 409/422 (idempotency
    /// key in use / reused).
    pub RequestExportErrors: 401, 403, 404, 409, 422
);
error_set!(
    /// `GET /v1/identity/me/exports/{export_id}`: 401, 403, 404 (`not_found`: unknown or
    /// someone else's).
    pub ExportStatusErrors: 401, 403, 404
);
error_set!(
    /// `GET /v1/identity/me/exports/{export_id}/download`: 401, 403, 404 (unknown or
    /// someone else's), 409 `export_not_ready`, 410 `export_already_downloaded` /
    /// `export_expired`.
    pub DownloadExportErrors: 401, 403, 404, 409, 410
);
error_set!(
    /// `POST /v1/identity/me/delete`: 401, 403 `reauthentication_failed` (wrong password),
    /// 404 (account gone), 409 `erasure_already_requested` (or the idempotency key in
    /// use), 422 (idempotency key reused), 429 `rate_limited`.
    pub RequestErasureErrors: 401, 403, 404, 409, 422, 429
);
error_set!(
    /// `GET /v1/identity/me/erasure`: 401, 403, 404 `not_found` (no erasure requested).
    pub ErasureStatusErrors: 401, 403, 404
);
error_set!(
    /// `POST /v1/identity/organizations`: 401, 403 (the role guard),
    /// 409 (`domain_taken`, or the idempotency key in use), 422 (invalid fields, or the
    /// idempotency key reused).
    pub CreateOrganizationErrors: 401, 403, 409, 422; guarded
);
error_set!(
    /// `GET /v1/identity/organizations`: 401, 403, 422 (`limit` out of range).
    pub ListOrganizationsErrors: 401, 403, 422; guarded
);
error_set!(
    /// `GET /v1/identity/organizations/{organization_id}`: 401, 403, 404.
    pub GetOrganizationErrors: 401, 403, 404; guarded
);
error_set!(
    /// `PATCH /v1/identity/organizations/{organization_id}`: 401, 403, 404, 409
    /// (`domain_taken`), 422.
    pub UpdateOrganizationErrors: 401, 403, 404, 409, 422; guarded
);
error_set!(
    /// `PUT /v1/identity/organizations/{organization_id}/eligibility`: 401, 403, 404, 422
    /// (`eligibility_list_invalid` with one entry per bad row).
    pub UploadEligibilityErrors: 401, 403, 404, 422; guarded
);
error_set!(
    /// `GET /v1/identity/organizations/{organization_id}/members`: 401, 403, 404, 422.
    pub ListMembersErrors: 401, 403, 404, 422; guarded
);
error_set!(
    /// `DELETE /v1/identity/organizations/{organization_id}/members/{user_id}`: 401, 403,
    /// 404 (no such organization or not an active member).
    pub RemoveMemberErrors: 401, 403, 404; guarded
);
error_set!(
    /// `POST /v1/identity/me/organization`: 401, 403 (`email_not_verified`,
    /// `not_eligible`), 404 (no such organization), 409 (`already_member`,
    /// `employee_id_claimed`, or the idempotency key in use), 422, 429.
    pub JoinOrganizationErrors: 401, 403, 404, 409, 422, 429
);
error_set!(
    /// `GET` and `DELETE /v1/identity/me/organization`: 401, 403, 404 (`not_a_member`).
    pub MyOrganizationErrors: 401, 403, 404
);

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field's JSON name.
    pub field: &'static str,
    /// Stable reason, e.g. `too_short`.
    pub code: &'static str,
    /// Human-readable explanation (never echoes a secret).
    pub message: String,
}

impl FieldProblem {
    /// The problem of an invalid email.
    pub fn email(reason: EmailError) -> Self {
        Self {
            field: "email",
            code: "invalid",
            message: format!("The email address {reason}."),
        }
    }

    /// The problem of a password that breaks the policy.
    pub fn password(reason: PasswordError) -> Self {
        Self {
            field: "password",
            code: reason.code(),
            message: format!("The password {reason}."),
        }
    }
}
