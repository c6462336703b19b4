//! Errors of the credentials resource: email verification, password reset and password
//! change.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::ratelimit::RateLimited;
use haven_platform::{
    DbError, DomainError, Invalid, Unexpected, db_errors, error_set, fault_errors,
};
use poem::http::StatusCode;

use crate::error::{not_found, problem};

/// Asking for a verification email.
#[derive(Debug, thiserror::Error)]
pub enum RequestVerificationError {
    /// The account no longer exists.
    #[error("account not found")]
    AccountNotFound,
    /// The account's email address is already verified.
    #[error("email already verified")]
    AlreadyVerified,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for RequestVerificationError {
    const CODES: &'static [Code] = &[NOT_FOUND, (409, "email_already_verified")];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::AccountNotFound => not_found("The account does not exist."),
            Self::AlreadyVerified => problem(
                StatusCode::CONFLICT,
                "email_already_verified",
                "The email address is already verified.",
            ),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Asking for a password-reset email.
#[derive(Debug, thiserror::Error)]
pub enum ResetRequestError {
    /// The email address is malformed.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for ResetRequestError {
    const CODES: &'static [Code] = &[VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Using a mailed token: confirming the email address, or resetting the password.
#[derive(Debug, thiserror::Error)]
pub enum EmailTokenError {
    /// The token is unknown, expired, used, or for an address the account no longer has
    /// (deliberately one answer).
    #[error("invalid email token")]
    InvalidToken,
    /// The new password breaks the policy.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for EmailTokenError {
    const CODES: &'static [Code] = &[(422, "email_token_invalid"), VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::InvalidToken => problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "email_token_invalid",
                "The link is invalid, has expired or was already used; request a new email.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Changing one's password.
#[derive(Debug, thiserror::Error)]
pub enum ChangePasswordError {
    /// The account no longer exists.
    #[error("account not found")]
    AccountNotFound,
    /// The current password is wrong, or the new one breaks the policy.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for ChangePasswordError {
    const CODES: &'static [Code] = &[NOT_FOUND, VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::AccountNotFound => not_found("The account does not exist."),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(
    RequestVerificationError,
    ResetRequestError,
    EmailTokenError,
    ChangePasswordError,
);

fault_errors!(
    RequestVerificationError,
    ResetRequestError,
    EmailTokenError,
    ChangePasswordError,
);

error_set!(
    /// `POST /v1/identity/me/email-verification`: 401, 403, 404 (account gone), 409
    /// (`email_already_verified`, or the idempotency key in use), 422 (the idempotency key
    /// reused with another request), 429 `rate_limited`.
    pub RequestEmailVerificationErrors: RequestVerificationError, RateLimited
);

error_set!(
    /// `POST /v1/identity/email-verification/confirm`: 409 (idempotency key in use), 422
    /// (`email_token_invalid`, or the idempotency key reused), 429 `rate_limited`.
    pub ConfirmEmailErrors: EmailTokenError, RateLimited
);

error_set!(
    /// `POST /v1/identity/password-reset`: 409 (idempotency key in use), 422 (malformed
    /// email, or the idempotency key reused), 429 `rate_limited`.
    pub RequestPasswordResetErrors: ResetRequestError, RateLimited
);

error_set!(
    /// `POST /v1/identity/password-reset/confirm`: 409 (idempotency key in use), 422
    /// (`email_token_invalid`, the new password breaks the policy, or the idempotency key
    /// reused), 429 `rate_limited`.
    pub ResetPasswordErrors: EmailTokenError, RateLimited
);

error_set!(
    /// `PUT /v1/identity/me/password`: 401, 403, 404 (account gone), 422 (wrong current
    /// password, or the new one breaks the policy), 429 `rate_limited`.
    pub ChangePasswordErrors: ChangePasswordError, RateLimited
);
