//! Errors of promo codes.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};
use poem::http::StatusCode;

use crate::error::problem;
use haven_platform::{db_errors, fault_errors};

error_set!(
    /// `POST /v1/billing/admin/promo-codes`: 401, 403, 409 (`promo_code_taken`, or the
    /// idempotency key in use), 422 (`promo_terms_invalid`, or the key reused).
    pub CreatePromoErrors: CreatePromoError; guarded
);
error_set!(
    /// `GET /v1/billing/admin/promo-codes`: 400 (bad cursor), 401, 403, 422 (`limit`).
    pub ListPromosErrors: Invalid; guarded
);
error_set!(
    /// `POST /v1/billing/me/promo-redemptions`: 401, 403, 404 `promo_code_not_found`,
    /// 409 (`promo_code_expired`, `promo_code_exhausted`, `promo_code_already_redeemed`,
    /// or the idempotency key in use), 422 (the key reused).
    pub RedeemErrors: RedeemError; guarded
);

/// Creating a code.
#[derive(Debug, thiserror::Error)]
pub enum CreatePromoError {
    /// Another code has the text.
    #[error("code taken")]
    Taken,
    /// The terms do not fit the kind.
    #[error("invalid terms")]
    Terms(Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for CreatePromoError {
    const CODES: &'static [Code] = &[(409, "promo_code_taken"), (422, "promo_terms_invalid")];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::Taken => problem(
                StatusCode::CONFLICT,
                "promo_code_taken",
                "Another promo code has this text.",
            )
            .with_field("code", "taken", "another promo code has this text"),
            Self::Terms(invalid) => invalid.0.into_iter().fold(
                problem(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "promo_terms_invalid",
                    "The terms do not fit the kind of code.",
                ),
                |p, f| p.with_field(f.field, f.code, f.message),
            ),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Redeeming a code.
#[derive(Debug, thiserror::Error)]
pub enum RedeemError {
    /// No such code.
    #[error("promo code not found")]
    NotFound,
    /// The code expired.
    #[error("promo code expired")]
    Expired,
    /// Every redemption is taken.
    #[error("promo code exhausted")]
    Exhausted,
    /// The member redeemed it before.
    #[error("promo code already redeemed")]
    AlreadyRedeemed,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for RedeemError {
    const CODES: &'static [Code] = &[
        (404, "promo_code_not_found"),
        (409, "promo_code_expired"),
        (409, "promo_code_exhausted"),
        (409, "promo_code_already_redeemed"),
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => problem(
                StatusCode::NOT_FOUND,
                "promo_code_not_found",
                "There is no such promo code.",
            ),
            Self::Expired => problem(
                StatusCode::CONFLICT,
                "promo_code_expired",
                "This promo code has expired.",
            ),
            Self::Exhausted => problem(
                StatusCode::CONFLICT,
                "promo_code_exhausted",
                "This promo code has been redeemed as often as it may be.",
            ),
            Self::AlreadyRedeemed => problem(
                StatusCode::CONFLICT,
                "promo_code_already_redeemed",
                "You have redeemed this promo code before.",
            ),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(CreatePromoError, RedeemError);
fault_errors!(CreatePromoError, RedeemError);
