//! The Stripe API client: form-encoded POSTs to a configurable base URL with the secret
//! key as bearer and Stripe's own `Idempotency-Key`, so a retried call creates nothing
//! twice at Stripe.

use std::time::Duration;

use haven_platform::config::BillingSettings;
use serde_json::Value;

/// Why a call to Stripe failed.
#[derive(Debug, thiserror::Error)]
pub enum StripeError {
    /// `billing.stripe_secret_key` is not set.
    #[error("Stripe is not configured")]
    NotConfigured,
    /// Stripe could not be reached or answered 5xx / 429.
    #[error("Stripe unavailable: {0}")]
    Unavailable(String),
    /// Stripe refused the request (4xx); the message is Stripe's error type and code.
    #[error("Stripe refused the request: {0}")]
    Refused(String),
}

/// Calls Stripe's API. Cheap to clone.
#[derive(Debug, Clone)]
pub struct StripeClient {
    http: reqwest::Client,
    base: String,
    key: Option<String>,
}

impl StripeClient {
    /// A client for the configured account.
    pub fn new(settings: &BillingSettings) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_millis(settings.stripe_timeout_ms))
            .build()
            // Building fails only without a TLS backend, which rustls always provides.
            .unwrap_or_default();
        Self {
            http,
            base: settings.stripe_api_base.trim_end_matches('/').to_owned(),
            key: settings
                .stripe_secret_key
                .as_ref()
                .map(|k| k.expose().to_owned()),
        }
    }

    /// `POST {base}{path}` with `form`; Stripe's JSON answer.
    pub async fn post_form(
        &self,
        path: &str,
        form: &[(String, String)],
        idempotency_key: &str,
    ) -> Result<Value, StripeError> {
        let key = self.key.as_deref().ok_or(StripeError::NotConfigured)?;
        let resp = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(key)
            .header("Idempotency-Key", idempotency_key)
            .form(form)
            .send()
            .await
            .map_err(|e| StripeError::Unavailable(e.without_url().to_string()))?;
        let status = resp.status();
        let body: Value = resp
            .json()
            .await
            .map_err(|e| StripeError::Unavailable(e.without_url().to_string()))?;
        if status.is_success() {
            Ok(body)
        } else if status.is_server_error() || status.as_u16() == 429 {
            Err(StripeError::Unavailable(format!("status {status}")))
        } else {
            let err = &body["error"];
            Err(StripeError::Refused(format!(
                "{} {}",
                err["type"].as_str().unwrap_or("?"),
                err["code"].as_str().unwrap_or("")
            )))
        }
    }
}
