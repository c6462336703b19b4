//! The Play Developer API behind a trait (`purchases.subscriptionsv2.get`), so the
//! notification handler can be tested against a local stand-in: GET with the service
//! account's bearer token from a configurable base URL.

use std::time::Duration;

use futures_util::future::BoxFuture;
use haven_platform::config::BillingSettings;
use serde_json::Value;

/// Why the state of a subscription could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum PlayApiError {
    /// `billing.play_api_token` is not set.
    #[error("the Play Developer API is not configured")]
    NotConfigured,
    /// Unreachable, 5xx, 429 or a refusal of our credentials.
    #[error("Play Developer API unavailable: {0}")]
    Unavailable(String),
}

/// Reads subscriptions from Google Play.
pub trait PlayApi: Send + Sync + std::fmt::Debug {
    /// The `SubscriptionPurchaseV2` of `token`; `None` if Google does not know it (404,
    /// 410).
    fn subscription<'a>(
        &'a self,
        package: &'a str,
        token: &'a str,
    ) -> BoxFuture<'a, Result<Option<Value>, PlayApiError>>;
}

/// The Play Developer API over HTTP.
#[derive(Debug, Clone)]
pub struct HttpPlayApi {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
}

impl HttpPlayApi {
    /// A client for the configured service account.
    pub fn new(settings: &BillingSettings) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_millis(settings.play_timeout_ms))
            .build()
            // Building fails only without a TLS backend, which rustls always provides.
            .unwrap_or_default();
        Self {
            http,
            base: settings.play_api_base.trim_end_matches('/').to_owned(),
            token: settings
                .play_api_token
                .as_ref()
                .map(|k| k.expose().to_owned()),
        }
    }
}

impl PlayApi for HttpPlayApi {
    fn subscription<'a>(
        &'a self,
        package: &'a str,
        token: &'a str,
    ) -> BoxFuture<'a, Result<Option<Value>, PlayApiError>> {
        Box::pin(async move {
            let bearer = self.token.as_deref().ok_or(PlayApiError::NotConfigured)?;
            // Both segments were checked to be URL-safe ([A-Za-z0-9._-]) by the caller.
            let url = format!(
                "{}/androidpublisher/v3/applications/{package}/purchases/subscriptionsv2/tokens/{token}",
                self.base
            );
            let resp = self
                .http
                .get(url)
                .bearer_auth(bearer)
                .header("Accept", "application/json")
                .send()
                .await
                .map_err(|e| PlayApiError::Unavailable(e.without_url().to_string()))?;
            let status = resp.status();
            if status.as_u16() == 404 || status.as_u16() == 410 {
                return Ok(None);
            }
            if !status.is_success() {
                return Err(PlayApiError::Unavailable(format!("status {status}")));
            }
            let body: Value = resp
                .json()
                .await
                .map_err(|e| PlayApiError::Unavailable(e.without_url().to_string()))?;
            Ok(Some(body))
        })
    }
}
