//! The identity domain's errors: one enum per resource (or per group of operations of a
//! resource when their documented error sets differ), each mapped to problems by an
//! exhaustive `match` in its [`DomainError`](haven_platform::DomainError) impl. The
//! conversion into an operation's `ApiError<S>` fails to compile when `S` (the
//! `error_set!` below) does not document every status the enum can answer. Bodies never
//! carry passwords, tokens or hashes; 5xx causes go to the log only.

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

/// `404 not_found` with `detail`.
pub(crate) fn not_found(detail: &str) -> haven_platform::http::problem::ProblemError {
    problem(StatusCode::NOT_FOUND, "not_found", detail)
}

use haven_platform::auth::unauthorized;
use haven_platform::http::problem::ErrorSet;
use haven_platform::{ApiError, DbError, Unexpected, error_set};
use poem::http::StatusCode;

use crate::model::{EligibilityErrors, EmailError, PasswordError};

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

/// A use-case failure.
#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    /// Some fields are invalid (every problem is listed).
    #[error("invalid fields")]
    Validation(Vec<FieldProblem>),
    /// An account with this email exists.
    #[error("email taken")]
    EmailTaken,
    /// Unknown email or wrong password (deliberately indistinguishable).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many failed logins: the account is locked for `retry_after_s` more seconds.
    /// Answered as [`IdentityError::InvalidCredentials`] plus `Retry-After`.
    #[error("account locked")]
    AccountLocked {
        /// Seconds until the lock ends (at least 1).
        retry_after_s: u64,
    },
    /// The refresh token is unknown, used, expired or its session revoked.
    #[error("invalid refresh token")]
    InvalidRefreshToken,
    /// The account no longer exists.
    #[error("account not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// The export is unknown or not the caller's.
    #[error("export not found")]
    ExportNotFound,
    /// The export is still being assembled.
    #[error("export not ready")]
    ExportNotReady,
    /// The export was downloaded already (its document is deleted).
    #[error("export already downloaded")]
    ExportAlreadyDownloaded,
    /// The export expired before it was downloaded.
    #[error("export expired")]
    ExportExpired,
    /// The password given to confirm a sensitive action is wrong.
    #[error("reauthentication failed")]
    ReauthenticationFailed,
    /// The account's erasure was requested already.
    #[error("erasure already requested")]
    ErasureAlreadyRequested,
    /// No erasure was requested for the account.
    #[error("erasure not found")]
    ErasureNotFound,
    /// Anything unexpected: the cause is kept as the source and logged, never sent.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
    /// The change would leave no enabled account with the `admin` role.
    #[error("last admin")]
    LastAdmin,
    /// The access token's subject or session is not a well-formed id (identity signs
    /// only well-formed ones): answered like a revoked session, `401`.
    #[error("session revoked")]
    SessionRevoked,
    /// The account is disabled (only said to a caller who gave the right password).
    #[error("account disabled")]
    AccountDisabled,
    /// A mailed token is unknown, expired, used, or for an address the account no longer
    /// has (deliberately one answer).
    #[error("invalid email token")]
    InvalidEmailToken,
    /// The account's email address is already verified.
    #[error("email already verified")]
    EmailAlreadyVerified,
    /// No such organization.
    #[error("organization not found")]
    OrganizationNotFound,
    /// An allowed domain already belongs to another organization.
    #[error("domain taken")]
    DomainTaken(String),
    /// The uploaded eligibility list has invalid rows (nothing was changed).
    #[error("eligibility list invalid")]
    EligibilityInvalid(EligibilityErrors),
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
    /// The member has no active membership (in that organization).
    #[error("not a member")]
    NotAMember,
    /// The MFA challenge token is unknown, used, expired or out of attempts.
    #[error("invalid MFA challenge")]
    InvalidMfaChallenge,
    /// A wrong, replayed or malformed second-factor code at login (401); `retry_after_s`
    /// while the account is locked.
    #[error("invalid MFA code")]
    InvalidMfaCode {
        /// Seconds until the lock ends, when locked.
        retry_after_s: Option<u64>,
    },
    /// A wrong second-factor code for a change by a signed-in member (403).
    #[error("MFA code rejected")]
    MfaCodeRejected {
        /// Seconds until the lock ends, when locked.
        retry_after_s: Option<u64>,
    },
    /// The account already has an enabled second factor.
    #[error("MFA already enabled")]
    MfaAlreadyEnabled,
    /// There is no enrollment waiting for confirmation.
    #[error("MFA not pending")]
    MfaNotPending,
    /// The account has no enabled second factor.
    #[error("MFA not enabled")]
    MfaNotEnabled,
}

fault_errors!(IdentityError);

impl From<diesel::result::Error> for IdentityError {
    fn from(e: diesel::result::Error) -> Self {
        Self::Db(DbError::Query(e))
    }
}

impl<S: ErrorSet> From<IdentityError> for ApiError<S> {
    fn from(e: IdentityError) -> Self {
        match e {
            IdentityError::Validation(problems) => problems.into_iter().fold(
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
                    .detail("The request has invalid fields."),
                |err, p| err.field(p.field, p.code, p.message),
            ),
            IdentityError::EmailTaken => ApiError::conflict(
                "email_taken",
                "An account with this email address already exists.",
            ),
            IdentityError::InvalidCredentials => invalid_credentials(),
            IdentityError::AccountLocked { retry_after_s } => {
                invalid_credentials().retry_after(retry_after_s)
            }
            IdentityError::InvalidRefreshToken => {
                ApiError::new(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
                    .detail("The refresh token is invalid or expired; sign in again.")
            }
            IdentityError::NotFound => ApiError::not_found("The account does not exist."),
            IdentityError::SessionRevoked => ApiError::from(unauthorized(true)),
            IdentityError::Db(db) => ApiError::from(db),
            IdentityError::ExportNotFound => ApiError::not_found("The export does not exist."),
            IdentityError::ExportNotReady => ApiError::conflict(
                "export_not_ready",
                "The export is still being prepared; check its status and try again later.",
            ),
            IdentityError::ExportAlreadyDownloaded => {
                ApiError::new(StatusCode::GONE, "export_already_downloaded").detail(
                    "The export was downloaded already and its file deleted; request a new \
                     export.",
                )
            }
            IdentityError::ExportExpired => ApiError::new(StatusCode::GONE, "export_expired")
                .detail("The export expired before it was downloaded; request a new export."),
            IdentityError::ReauthenticationFailed => {
                ApiError::new(StatusCode::FORBIDDEN, "reauthentication_failed")
                    .detail("The password is incorrect.")
            }
            IdentityError::ErasureAlreadyRequested => ApiError::conflict(
                "erasure_already_requested",
                "The erasure of this account was requested already.",
            ),
            IdentityError::ErasureNotFound => {
                ApiError::not_found("No erasure was requested for this account.")
            }
            IdentityError::Unexpected(e) => ApiError::from(e),
            IdentityError::InvalidMfaChallenge => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "invalid_mfa_token",
            )
            .detail(
                "The sign-in step is invalid, used or expired; sign in with your password again.",
            ),
            IdentityError::InvalidMfaCode { retry_after_s } => with_retry_after_api(
                ApiError::new(StatusCode::UNAUTHORIZED, "invalid_mfa_code")
                    .detail("The authentication code is incorrect."),
                retry_after_s,
            ),
            IdentityError::MfaCodeRejected { retry_after_s } => with_retry_after_api(
                ApiError::new(StatusCode::FORBIDDEN, "invalid_mfa_code")
                    .detail("The authentication code is incorrect."),
                retry_after_s,
            ),
            IdentityError::MfaAlreadyEnabled => ApiError::conflict(
                "mfa_already_enabled",
                "Two-step verification is already on; turn it off first to enroll again.",
            ),
            IdentityError::MfaNotPending => ApiError::conflict(
                "mfa_not_pending",
                "There is no enrollment to confirm; start one first.",
            ),
            IdentityError::MfaNotEnabled => ApiError::conflict(
                "mfa_not_enabled",
                "Two-step verification is not on for this account.",
            ),
            IdentityError::LastAdmin => ApiError::conflict(
                "last_admin",
                "This would leave no enabled administrator; make another account an \
                 administrator first.",
            ),
            IdentityError::AccountDisabled => {
                ApiError::new(StatusCode::FORBIDDEN, "account_disabled")
                    .detail("This account is disabled; contact support.")
            }
            IdentityError::InvalidEmailToken => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "email_token_invalid").detail(
                    "The link is invalid, has expired or was already used; request a new email.",
                )
            }
            IdentityError::EmailAlreadyVerified => ApiError::conflict(
                "email_already_verified",
                "The email address is already verified.",
            ),
            other => organization_problem(other),
        }
    }
}

/// The one `401 invalid_credentials` body: unknown email, wrong password and locked
/// account all answer it (a locked account adds only `Retry-After`).
fn invalid_credentials<S: ErrorSet>() -> ApiError<S> {
    ApiError::new(StatusCode::UNAUTHORIZED, "invalid_credentials")
        .detail("The email address or password is incorrect.")
}

fn with_retry_after_api<S: ErrorSet>(err: ApiError<S>, retry_after_s: Option<u64>) -> ApiError<S> {
    match retry_after_s {
        Some(s) => err.retry_after(s),
        None => err,
    }
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

/// The problems of the organization use-cases.
fn organization_problem<S: ErrorSet>(e: IdentityError) -> ApiError<S> {
    match e {
        IdentityError::OrganizationNotFound => {
            ApiError::not_found("The organization does not exist.")
        }
        IdentityError::DomainTaken(domain) => ApiError::conflict(
            "domain_taken",
            format!("The domain {domain} is already allowed by another organization."),
        )
        .field(
            "allowed_domains",
            "taken",
            format!("{domain} belongs to another organization"),
        ),
        IdentityError::EligibilityInvalid(report) => report.problems.into_iter().fold(
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "eligibility_list_invalid").detail(
                format!(
                    "The list has {} problem(s){}; nothing was changed.",
                    report.total,
                    if report.total > crate::model::ELIGIBILITY_MAX_REPORTED {
                        format!(
                            " (the first {} are listed)",
                            crate::model::ELIGIBILITY_MAX_REPORTED
                        )
                    } else {
                        String::new()
                    }
                ),
            ),
            |err, p| err.field(format!("rows[{}].{}", p.row, p.column), p.code, p.message),
        ),
        IdentityError::EmailNotVerified => {
            ApiError::new(StatusCode::FORBIDDEN, "email_not_verified")
                .detail("Verify your email address before joining an organization.")
        }
        IdentityError::NotEligible => ApiError::new(StatusCode::FORBIDDEN, "not_eligible").detail(
            "Neither your email address nor the employee id makes you eligible for this \
             organization.",
        ),
        IdentityError::AlreadyMember => ApiError::conflict(
            "already_member",
            "You are already sponsored by another organization; leave it first.",
        ),
        IdentityError::EmployeeIdClaimed => ApiError::conflict(
            "employee_id_claimed",
            "This employee id is already used by another member; contact your employer.",
        ),
        IdentityError::NotAMember => ApiError::new(StatusCode::NOT_FOUND, "not_a_member")
            .detail("There is no active membership."),
        // The remaining variants are mapped by `From<IdentityError>` itself.
        other => ApiError::internal(&other),
    }
}
