//! Errors of the Stripe resource: webhooks (a plain route: every refusal is `400` with
//! no side effect), checkout and the customer portal.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError};
use haven_platform::{DbError, DomainError, Unexpected, error_set};
use poem::http::StatusCode;

use super::client::StripeError;
use super::events::Malformed;
use super::signature::SignatureError;
use crate::error::{not_found, problem};
use haven_platform::{db_errors, fault_errors};

error_set!(
    /// `POST /v1/billing/checkout`: 401, 403, 404 (no such price on sale), 409
    /// (`price_not_purchasable`, or the idempotency key in use), 422 (the key reused).
    pub CheckoutErrors: CheckoutError; guarded
);
error_set!(
    /// `POST /v1/billing/me/portal`: 401, 403, 404 `no_billing_account`.
    pub PortalErrors: PortalError; guarded
);

/// A refused or failed webhook delivery.
#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    /// The signature is missing, malformed, wrong or outside the tolerance.
    #[error(transparent)]
    Signature(#[from] SignatureError),
    /// The payload is not an event billing can read.
    #[error(transparent)]
    Malformed(#[from] Malformed),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for WebhookError {
    const CODES: &'static [Code] = &[
        (400, "webhook_timestamp_out_of_tolerance"),
        (400, "webhook_signature_invalid"),
        (400, "webhook_payload_invalid"),
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::Signature(SignatureError::Stale) => problem(
                StatusCode::BAD_REQUEST,
                "webhook_timestamp_out_of_tolerance",
                "The Stripe-Signature timestamp is more than 300 seconds from now.",
            ),
            Self::Signature(SignatureError::Malformed | SignatureError::Mismatch) => problem(
                StatusCode::BAD_REQUEST,
                "webhook_signature_invalid",
                "The Stripe-Signature header does not sign this payload.",
            ),
            Self::Malformed(m) => problem(
                StatusCode::BAD_REQUEST,
                "webhook_payload_invalid",
                format!("The event is malformed ({}).", m.0),
            ),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Starting a checkout.
#[derive(Debug, thiserror::Error)]
pub enum CheckoutError {
    /// No such price, or it (or its product) is not on sale.
    #[error("price not found")]
    PriceNotFound,
    /// The price is not linked to a Stripe price.
    #[error("price not purchasable")]
    NotPurchasable,
    /// Stripe failed or is not configured.
    #[error(transparent)]
    Stripe(#[from] StripeError),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for CheckoutError {
    const CODES: &'static [Code] = &[
        NOT_FOUND,
        (409, "price_not_purchasable"),
        (503, "payment_provider_unavailable"),
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::PriceNotFound => not_found("The price does not exist or is not on sale."),
            Self::NotPurchasable => problem(
                StatusCode::CONFLICT,
                "price_not_purchasable",
                "This price cannot be bought on the web.",
            ),
            Self::Stripe(e) => stripe_problem(e),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Opening the customer portal.
#[derive(Debug, thiserror::Error)]
pub enum PortalError {
    /// The member never paid through Stripe.
    #[error("no billing account")]
    NoCustomer,
    /// Stripe failed or is not configured.
    #[error(transparent)]
    Stripe(#[from] StripeError),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for PortalError {
    const CODES: &'static [Code] = &[
        (404, "no_billing_account"),
        (503, "payment_provider_unavailable"),
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NoCustomer => problem(
                StatusCode::NOT_FOUND,
                "no_billing_account",
                "You have no web subscription to manage.",
            ),
            Self::Stripe(e) => stripe_problem(e),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// A Stripe failure: `503` (retry later) when Stripe is away or not configured; a
/// refusal of our own request is a bug, `500`.
fn stripe_problem(e: StripeError) -> ProblemError {
    match e {
        StripeError::NotConfigured | StripeError::Unavailable(_) => {
            tracing::warn!(error = %e, "Stripe call failed");
            problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "payment_provider_unavailable",
                "Payments are unavailable; retry shortly.",
            )
            .with_retry_after(30)
        }
        StripeError::Refused(_) => Unexpected::new("Stripe refused a request", e).into_problem(),
    }
}

db_errors!(WebhookError, CheckoutError, PortalError);
fault_errors!(WebhookError, CheckoutError, PortalError);
