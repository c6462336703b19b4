//! Errors of the store webhooks (plain routes: a refusal is `400` and changes nothing; a
//! store that should retry later gets `503`) and of the account token.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError};
use haven_platform::{DbError, DomainError, Unexpected, db_errors, error_set, fault_errors};
use poem::http::StatusCode;

use crate::error::problem;

error_set!(
    /// `GET /v1/billing/me/store-account`: 401, 403.
    pub StoreAccountErrors: haven_platform::Fault
);

/// Reading or creating one's account token fails only in the common ways.
pub type StoreAccountError = haven_platform::Fault;

/// A refused or failed store notification.
#[derive(Debug, thiserror::Error)]
pub enum StoreWebhookError {
    /// The store's settings are missing: the store should retry once we are configured.
    #[error("store notifications are not configured")]
    NotConfigured,
    /// The signature, certificate chain or token does not authenticate the delivery.
    #[error("unauthenticated delivery: {0}")]
    Unauthenticated(&'static str),
    /// The delivery is not a notification billing can read, or not for our app.
    #[error("malformed notification: {0}")]
    Malformed(&'static str),
    /// The store's API could not tell the subscription's state: retry later.
    #[error("store API unavailable: {0}")]
    Unavailable(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for StoreWebhookError {
    const CODES: &'static [Code] = &[
        (400, "webhook_signature_invalid"),
        (400, "webhook_payload_invalid"),
        (503, "webhook_not_configured"),
        (503, "store_unavailable"),
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotConfigured => problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "webhook_not_configured",
                "Notifications from this store are not configured yet; retry later.",
            )
            .with_retry_after(300),
            Self::Unauthenticated(_) => problem(
                StatusCode::BAD_REQUEST,
                "webhook_signature_invalid",
                "The delivery's signature or token does not authenticate it.",
            ),
            Self::Malformed(what) => problem(
                StatusCode::BAD_REQUEST,
                "webhook_payload_invalid",
                format!("The notification is malformed ({what})."),
            ),
            Self::Unavailable(_) => problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "store_unavailable",
                "The store's API is unavailable; retry later.",
            )
            .with_retry_after(60),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(StoreWebhookError);
fault_errors!(StoreWebhookError);
