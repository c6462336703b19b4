//! Applying an App Store notification: verify the `signedPayload` and the signed
//! transaction and renewal info inside it, check they are for our app and environment,
//! then record and apply the store's view (ordered by `signedDate`).

use chrono::Utc;
use haven_platform::time::now_utc;
use serde_json::Value;

use super::jws::{self, JwsError, Roots};
use super::notification::{self, HANDLED, Malformed, Notification};
use crate::service::BillingService;
use crate::stores::error::StoreWebhookError;
use crate::stores::service::{StoreView, apply, label};
use crate::stripe::service::Delivery;
use crate::subscriptions::model::Provider;

/// The trust anchors of App Store notifications from the settings: the configured PEM or
/// file, else Apple Root CA - G3. `None` (logged) if the configured root is unreadable,
/// so every notification is refused rather than trusted to another root.
pub fn roots(settings: &haven_platform::config::BillingSettings) -> Option<Roots> {
    let pem = match (
        &settings.app_store_root_ca_pem,
        &settings.app_store_root_ca_path,
    ) {
        (Some(pem), _) => pem.clone(),
        (None, Some(path)) => match std::fs::read_to_string(path) {
            Ok(pem) => pem,
            Err(e) => {
                tracing::error!(error = %e, "billing.app_store_root_ca_path unreadable");
                return None;
            }
        },
        (None, None) => jws::APPLE_ROOT_CA_G3_PEM.to_owned(),
    };
    Roots::from_pem(&pem)
        .inspect_err(|e| tracing::error!(error = %e, "App Store root certificate unreadable"))
        .ok()
}

impl From<JwsError> for StoreWebhookError {
    fn from(e: JwsError) -> Self {
        match e {
            JwsError::Malformed => Self::Malformed("signed data"),
            JwsError::Algorithm => Self::Unauthenticated("alg is not ES256"),
            JwsError::Untrusted => Self::Unauthenticated("untrusted certificate chain"),
            JwsError::Expired => Self::Unauthenticated("certificate outside its validity"),
            JwsError::Signature => Self::Unauthenticated("bad signature"),
        }
    }
}

impl From<Malformed> for StoreWebhookError {
    fn from(e: Malformed) -> Self {
        Self::Malformed(e.0)
    }
}

fn view(n: &Notification, tx: &Value, renewal: Option<&Value>) -> Result<StoreView, Malformed> {
    let provider_ref = tx["originalTransactionId"]
        .as_str()
        .filter(|s| !s.is_empty())
        .ok_or(Malformed("signedTransactionInfo.originalTransactionId"))?;
    let status = notification::status_of(n, tx, renewal);
    let grace_until = match n.subtype.as_deref() {
        Some("GRACE_PERIOD") => {
            renewal.and_then(|r| notification::time_ms(&r["gracePeriodExpiresDate"]))
        }
        _ => None,
    };
    Ok(StoreView {
        provider: Provider::AppStore,
        event_id: n.uuid.clone(),
        event_type: match &n.subtype {
            Some(s) => format!("{}.{s}", n.notification_type),
            None => n.notification_type.clone(),
        },
        at_ms: n.signed_date_ms,
        provider_ref: provider_ref.to_owned(),
        account_token: tx["appAccountToken"].as_str().map(str::to_lowercase),
        store_product: tx["productId"].as_str().map(str::to_owned),
        status,
        period_start: notification::time_ms(&tx["purchaseDate"]),
        period_end: notification::time_ms(&tx["expiresDate"]),
        grace_until,
        cancel_at_period_end: renewal.is_some_and(|r| r["autoRenewStatus"].as_i64() == Some(0)),
    })
}

impl BillingService {
    /// Verifies and applies one App Store notification (`{"signedPayload": "…"}`).
    /// Nothing is stored for a refused delivery, another environment or an unhandled
    /// type; a handled one is recorded in the inbox (keyed by `notificationUUID`) in the
    /// transaction that applies it.
    pub async fn app_store_webhook(&self, body: &[u8]) -> Result<Delivery, StoreWebhookError> {
        let (Some(bundle_id), Some(roots)) = (
            self.settings.app_store_bundle_id.as_deref(),
            self.app_store_roots.as_deref(),
        ) else {
            return Err(StoreWebhookError::NotConfigured);
        };
        let body: Value =
            serde_json::from_slice(body).map_err(|_| Malformed("the request body"))?;
        let signed = body["signedPayload"]
            .as_str()
            .ok_or(Malformed("signedPayload"))?;
        let now_s = Utc::now().timestamp();
        let n = notification::parse(&jws::verify(signed, roots, now_s)?)?;
        if n.bundle_id != bundle_id {
            return Err(Malformed("data.bundleId").into());
        }
        if n.environment != self.settings.app_store_environment
            || !HANDLED.contains(&n.notification_type.as_str())
        {
            metrics::counter!("haven_billing_webhooks_total", "provider" => "app_store", "outcome" => "ignored").increment(1);
            return Ok(Delivery::Ignored);
        }
        let tx = jws::verify(
            n.signed_transaction
                .as_deref()
                .ok_or(Malformed("data.signedTransactionInfo"))?,
            roots,
            now_s,
        )?;
        if tx["bundleId"].as_str() != Some(bundle_id) {
            return Err(Malformed("signedTransactionInfo.bundleId").into());
        }
        let renewal = match n.signed_renewal.as_deref() {
            Some(r) => Some(jws::verify(r, roots, now_s)?),
            None => None,
        };
        let view = view(&n, &tx, renewal.as_ref())?;
        let now = now_utc();
        let delivery = self
            .write(move |conn| Ok::<_, StoreWebhookError>(apply(conn, view, now)?))
            .await?;
        metrics::counter!("haven_billing_webhooks_total", "provider" => "app_store", "outcome" => label(delivery)).increment(1);
        Ok(delivery)
    }
}
