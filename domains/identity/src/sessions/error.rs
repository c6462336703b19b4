//! Errors of the sessions resource: login (with its second step), token refresh, and the
//! caller's sessions.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError};
use haven_platform::ratelimit::RateLimited;
use haven_platform::{
    DbError, DomainError, Invalid, Unexpected, db_errors, error_set, fault_errors,
};
use poem::http::StatusCode;

use crate::error::{not_found, problem, with_retry_after};

/// Signing in with a password.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// Unknown email or wrong password (deliberately indistinguishable).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many failed logins: answered as `InvalidCredentials` plus `Retry-After`.
    #[error("account locked")]
    AccountLocked {
        /// Seconds until the lock ends (at least 1).
        retry_after_s: u64,
    },
    /// The account is disabled (only said to a caller who gave the right password).
    #[error("account disabled")]
    AccountDisabled,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for LoginError {
    const CODES: &'static [Code] = &[(401, "invalid_credentials"), (403, "account_disabled")];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::InvalidCredentials => invalid_credentials(),
            Self::AccountLocked { retry_after_s } => {
                invalid_credentials().with_retry_after(retry_after_s)
            }
            Self::AccountDisabled => problem(
                StatusCode::FORBIDDEN,
                "account_disabled",
                "This account is disabled; contact support.",
            ),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// The second step of login: a code against an MFA challenge.
#[derive(Debug, thiserror::Error)]
pub enum LoginMfaError {
    /// The challenge token is unknown, used, expired or out of attempts.
    #[error("invalid MFA challenge")]
    InvalidChallenge,
    /// A wrong, replayed or malformed code; `retry_after_s` while the account is locked.
    #[error("invalid MFA code")]
    InvalidCode {
        /// Seconds until the lock ends, when locked.
        retry_after_s: Option<u64>,
    },
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for LoginMfaError {
    const CODES: &'static [Code] = &[(401, "invalid_mfa_token"), (401, "invalid_mfa_code")];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::InvalidChallenge => problem(
                StatusCode::UNAUTHORIZED,
                "invalid_mfa_token",
                "The sign-in step is invalid, used or expired; sign in with your password again.",
            ),
            Self::InvalidCode { retry_after_s } => with_retry_after(
                problem(
                    StatusCode::UNAUTHORIZED,
                    "invalid_mfa_code",
                    "The authentication code is incorrect.",
                ),
                retry_after_s,
            ),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Refreshing the tokens.
#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    /// The refresh token is unknown, used, expired or its session revoked.
    #[error("invalid refresh token")]
    InvalidToken,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for RefreshError {
    const CODES: &'static [Code] = &[(401, "invalid_refresh_token")];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::InvalidToken => problem(
                StatusCode::UNAUTHORIZED,
                "invalid_refresh_token",
                "The refresh token is invalid or expired; sign in again.",
            ),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Revoking one of the caller's sessions.
#[derive(Debug, thiserror::Error)]
pub enum RevokeSessionError {
    /// The session is unknown or not the caller's.
    #[error("session not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for RevokeSessionError {
    const CODES: &'static [Code] = &[NOT_FOUND];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("The session does not exist."),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(LoginError, LoginMfaError, RefreshError, RevokeSessionError);

fault_errors!(LoginError, LoginMfaError, RefreshError, RevokeSessionError);

/// The one `401 invalid_credentials` body: unknown email, wrong password and locked
/// account all answer it (a locked account adds only `Retry-After`).
fn invalid_credentials() -> ProblemError {
    problem(
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
        "The email address or password is incorrect.",
    )
}

error_set!(
    /// `POST /v1/identity/login`: 401 `invalid_credentials` (with `Retry-After` while
    /// the account is locked), 403 `account_disabled` (right password, disabled account),
    /// 429 `rate_limited` (per email or per IP).
    pub LoginErrors: LoginError, RateLimited
);

error_set!(
    /// `POST /v1/identity/token/refresh`: 401 `invalid_refresh_token`.
    pub RefreshErrors: RefreshError
);

error_set!(
    /// `GET /v1/identity/me/sessions`: 401, 403, 422 (`limit` out of range).
    pub ListSessionsErrors: Invalid
);

error_set!(
    /// `DELETE /v1/identity/me/sessions/{session_id}`: 401, 403, 404 (not the caller's).
    pub RevokeSessionErrors: RevokeSessionError
);

error_set!(
    /// `POST /v1/identity/login/mfa`: 401 `invalid_mfa_token` (unknown, used, expired or
    /// out of attempts) or `invalid_mfa_code` (with `Retry-After` while the account is
    /// locked), 422 (neither or both of `code` and `recovery_code`), 429 `rate_limited`.
    pub LoginMfaErrors: LoginMfaError, Invalid, RateLimited
);
