//! `billing.*` keys: the Stripe account billing talks to and how long access outlives a
//! failed payment. They live in the platform's settings so one validated file configures
//! the whole binary.

use serde::{Deserialize, Serialize};

use super::Secret;

/// `billing.*` keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BillingSettings {
    /// Base URL of Stripe's API (tests point it at a local stand-in).
    pub stripe_api_base: String,
    /// Stripe secret API key (`sk_…`); unset: checkout and the portal answer `503`.
    pub stripe_secret_key: Option<Secret>,
    /// Webhook signing secrets (`whsec_…`); a payload signed by any of them is accepted,
    /// so a secret can be rotated by listing the new one before removing the old one.
    pub stripe_webhook_secrets: Vec<Secret>,
    /// Where Stripe Checkout sends the member after paying.
    pub checkout_success_url: String,
    /// Where Stripe Checkout sends the member who gives up.
    pub checkout_cancel_url: String,
    /// Where the Stripe customer portal returns to.
    pub portal_return_url: String,
    /// Seconds a `past_due` subscription keeps its access after the failed payment.
    pub past_due_grace_s: u64,
    /// Timeout of each call to Stripe's API, in milliseconds.
    pub stripe_timeout_ms: u64,
    /// PEM of the root certificate App Store notifications must chain up to; unset:
    /// Apple Root CA - G3, shipped with billing.
    pub app_store_root_ca_pem: Option<String>,
    /// A PEM file with that root, read at start (instead of `app_store_root_ca_pem`).
    pub app_store_root_ca_path: Option<String>,
    /// Our app's bundle id; unset: every App Store notification is refused.
    pub app_store_bundle_id: Option<String>,
    /// `Production` or `Sandbox`: notifications of the other environment are ignored.
    pub app_store_environment: String,
    /// Our app's package name on Google Play; unset: every Play notification is refused.
    pub play_package_name: Option<String>,
    /// The `aud` of the Pub/Sub push's OIDC token (set on the push subscription).
    pub play_push_audience: Option<String>,
    /// The service account Pub/Sub signs the push's OIDC token as (`email` claim).
    pub play_push_service_account: Option<String>,
    /// Google's OIDC signing keys as a JWKS document (JSON).
    pub play_push_jwks: Option<String>,
    /// The issuer of the push's OIDC token.
    pub play_push_issuer: String,
    /// Base URL of the Google Play Developer API (tests point it at a local stand-in).
    pub play_api_base: String,
    /// OAuth access token of the service account calling the Play Developer API.
    pub play_api_token: Option<Secret>,
    /// Timeout of each call to the Play Developer API, in milliseconds.
    pub play_timeout_ms: u64,
    /// Seats of an organization that has no billing contract yet (an admin-set contract
    /// replaces it); a join beyond them is refused and waitlisted.
    pub employer_default_seats: i64,
    /// Whether a member who becomes employer-sponsored while paying us through Stripe has
    /// their subscription set to cancel at the period's end (they are emailed either way).
    pub employer_cancel_personal_stripe: bool,
    /// How long after its last check a node may answer a member's entitlements from its
    /// cache, in milliseconds: a change made on another node is seen within it (this
    /// node's own changes at once). Each node re-checks the versions of the members it
    /// served every quarter of it.
    pub entitlement_staleness_ms: u64,
}

impl Default for BillingSettings {
    fn default() -> Self {
        Self {
            stripe_api_base: "https://api.stripe.com".to_owned(),
            stripe_secret_key: None,
            stripe_webhook_secrets: Vec::new(),
            checkout_success_url: "http://localhost:3000/billing/success".to_owned(),
            checkout_cancel_url: "http://localhost:3000/billing/cancel".to_owned(),
            portal_return_url: "http://localhost:3000/billing".to_owned(),
            past_due_grace_s: 7 * 86_400,
            stripe_timeout_ms: 10_000,
            app_store_root_ca_pem: None,
            app_store_root_ca_path: None,
            app_store_bundle_id: None,
            app_store_environment: "Production".to_owned(),
            play_package_name: None,
            play_push_audience: None,
            play_push_service_account: None,
            play_push_jwks: None,
            play_push_issuer: "https://accounts.google.com".to_owned(),
            play_api_base: "https://androidpublisher.googleapis.com".to_owned(),
            play_api_token: None,
            play_timeout_ms: 10_000,
            employer_default_seats: 50,
            employer_cancel_personal_stripe: true,
            entitlement_staleness_ms: 2_000,
        }
    }
}

impl BillingSettings {
    /// Checks URLs and ranges; the error names the key.
    pub(super) fn validate(&self) -> Result<(), String> {
        for (key, url) in [
            ("billing.stripe_api_base", &self.stripe_api_base),
            ("billing.checkout_success_url", &self.checkout_success_url),
            ("billing.checkout_cancel_url", &self.checkout_cancel_url),
            ("billing.portal_return_url", &self.portal_return_url),
            ("billing.play_api_base", &self.play_api_base),
        ] {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(format!("{key}: expected an http:// or https:// URL"));
            }
        }
        if self.past_due_grace_s > 90 * 86_400 {
            return Err("billing.past_due_grace_s: expected at most 90 days of seconds".into());
        }
        if self.stripe_timeout_ms == 0 || self.play_timeout_ms == 0 {
            return Err(
                "billing.stripe_timeout_ms / play_timeout_ms: expected a positive number".into(),
            );
        }
        if !(100..=60_000).contains(&self.entitlement_staleness_ms) {
            return Err(
                "billing.entitlement_staleness_ms: expected 100 to 60000 milliseconds".into(),
            );
        }
        if !matches!(
            self.app_store_environment.as_str(),
            "Production" | "Sandbox"
        ) {
            return Err("billing.app_store_environment: expected Production or Sandbox".into());
        }
        if let Some(path) = &self.app_store_root_ca_path
            && std::fs::metadata(path).is_err()
        {
            return Err(format!(
                "billing.app_store_root_ca_path: cannot read {path}"
            ));
        }
        if let Some(jwks) = &self.play_push_jwks {
            let keys = serde_json::from_str::<serde_json::Value>(jwks)
                .ok()
                .filter(|v| v["keys"].is_array());
            if keys.is_none() {
                return Err(
                    "billing.play_push_jwks: expected a JWKS document ({\"keys\": [...]})".into(),
                );
            }
        }
        if !(0..=1_000_000).contains(&self.employer_default_seats) {
            return Err("billing.employer_default_seats: expected 0 to 1,000,000".into());
        }
        Ok(())
    }
}
