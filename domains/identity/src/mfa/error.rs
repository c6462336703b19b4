//! Errors of the second-factor resource (`/me/mfa…`) of a signed-in member; the
//! second step of login is the sessions resource's.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError};
use haven_platform::{
    DbError, DomainError, Invalid, Unexpected, db_errors, error_set, fault_errors,
};
use poem::http::StatusCode;

use crate::error::{not_found, problem};

/// Reading the account's second-factor state.
#[derive(Debug, thiserror::Error)]
pub enum MfaStatusError {
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

impl DomainError for MfaStatusError {
    const CODES: &'static [Code] = &[NOT_FOUND];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::AccountNotFound => not_found("The account does not exist."),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Starting a TOTP enrollment.
#[derive(Debug, thiserror::Error)]
pub enum EnrollError {
    /// The account no longer exists.
    #[error("account not found")]
    AccountNotFound,
    /// The account already has an enabled second factor.
    #[error("MFA already enabled")]
    AlreadyEnabled,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for EnrollError {
    const CODES: &'static [Code] = &[NOT_FOUND, (409, "mfa_already_enabled")];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::AccountNotFound => not_found("The account does not exist."),
            Self::AlreadyEnabled => problem(
                StatusCode::CONFLICT,
                "mfa_already_enabled",
                "Two-step verification is already on; turn it off first to enroll again.",
            ),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Confirming an enrollment, regenerating recovery codes, turning the factor off: changes
/// guarded by a code.
#[derive(Debug, thiserror::Error)]
pub enum MfaChangeError {
    /// There is no enrollment waiting for confirmation.
    #[error("MFA not pending")]
    NotPending,
    /// The account has no enabled second factor.
    #[error("MFA not enabled")]
    NotEnabled,
    /// A wrong code (403 for a signed-in member); `retry_after_s` while the account is
    /// locked.
    #[error("MFA code rejected")]
    CodeRejected {
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

impl DomainError for MfaChangeError {
    const CODES: &'static [Code] = &[
        (403, "invalid_mfa_code"),
        (409, "mfa_not_pending"),
        (409, "mfa_not_enabled"),
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotPending => problem(
                StatusCode::CONFLICT,
                "mfa_not_pending",
                "There is no enrollment to confirm; start one first.",
            ),
            Self::NotEnabled => problem(
                StatusCode::CONFLICT,
                "mfa_not_enabled",
                "Two-step verification is not on for this account.",
            ),
            Self::CodeRejected { retry_after_s } => crate::error::with_retry_after(
                problem(
                    StatusCode::FORBIDDEN,
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

db_errors!(MfaStatusError, EnrollError, MfaChangeError);

fault_errors!(MfaStatusError, EnrollError, MfaChangeError);

error_set!(
    /// `GET /v1/identity/me/mfa`: 401, 403, 404 (account gone).
    pub MfaStatusErrors: MfaStatusError
);

error_set!(
    /// `POST /v1/identity/me/mfa/totp`: 401, 403, 404 (account gone), 409
    /// `mfa_already_enabled`.
    pub StartTotpErrors: EnrollError
);

error_set!(
    /// Confirming, regenerating recovery codes and disabling: 401, 403 (also
    /// `invalid_mfa_code`, with `Retry-After` while the account is locked), 409
    /// (`mfa_not_pending` / `mfa_not_enabled`), 422 (malformed body).
    pub MfaChangeErrors: MfaChangeError, Invalid
);
