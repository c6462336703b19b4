//! Applying a Play notification: authenticate the push, decode the message, fetch the
//! subscription's state from the Play Developer API (the notification only says that
//! something changed) and record and apply it, ordered by the notification's
//! `eventTimeMillis`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, NaiveDateTime};
use haven_platform::time::now_utc;
use serde_json::Value;

use super::client::PlayApiError;
use super::oidc::{self, PushAuth};
use crate::service::BillingService;
use crate::stores::error::StoreWebhookError;
use crate::stores::service::{StoreView, apply, label};
use crate::stripe::service::Delivery;
use crate::subscriptions::model::{Provider, Status};
use crate::subscriptions::repo as subs;

/// `subscriptionNotification.notificationType`s billing applies: RECOVERED, RENEWED,
/// CANCELED, PURCHASED, ON_HOLD, IN_GRACE_PERIOD, RESTARTED, PAUSED, REVOKED, EXPIRED.
/// Others (price changes, deferrals, pause schedules…) are answered `200`, not stored.
pub const HANDLED: &[i64] = &[1, 2, 3, 4, 5, 6, 7, 10, 12, 13];

/// Type 12: the purchase was revoked (refunded or charged back): access ends now.
const REVOKED: i64 = 12;

/// The push authentication from the settings, if complete.
pub fn push_auth(settings: &haven_platform::config::BillingSettings) -> Option<PushAuth> {
    let keys = serde_json::from_str(settings.play_push_jwks.as_deref()?)
        .inspect_err(|e| tracing::error!(error = %e, "billing.play_push_jwks unreadable"))
        .ok()?;
    Some(PushAuth {
        keys,
        audience: settings.play_push_audience.clone()?,
        service_account: settings.play_push_service_account.clone()?,
        issuer: settings.play_push_issuer.clone(),
    })
}

fn malformed(what: &'static str) -> StoreWebhookError {
    StoreWebhookError::Malformed(what)
}

/// A path segment of the Play API: Google's package names and purchase tokens use only
/// these characters.
fn url_safe(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 1024
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

fn rfc3339(v: &Value) -> Option<NaiveDateTime> {
    v.as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.naive_utc())
}

/// The notification inside a push.
struct Message {
    id: String,
    at_ms: i64,
    notification_type: i64,
    token: String,
}

/// Reads the push; `None` for a message that is not about a subscription.
fn message(body: &[u8], package: &str) -> Result<Option<Message>, StoreWebhookError> {
    let push: Value = serde_json::from_slice(body).map_err(|_| malformed("the request body"))?;
    let m = &push["message"];
    let id = m["messageId"]
        .as_str()
        .filter(|s| !s.is_empty())
        .ok_or(malformed("message.messageId"))?;
    let data = m["data"]
        .as_str()
        .and_then(|d| STANDARD.decode(d).ok())
        .and_then(|d| serde_json::from_slice::<Value>(&d).ok())
        .filter(Value::is_object)
        .ok_or(malformed("message.data"))?;
    if data["packageName"].as_str() != Some(package) {
        return Err(malformed("message.data.packageName"));
    }
    let at_ms = data["eventTimeMillis"]
        .as_str()
        .and_then(|s| s.parse::<i64>().ok())
        .or_else(|| data["eventTimeMillis"].as_i64())
        .ok_or(malformed("message.data.eventTimeMillis"))?;
    let n = &data["subscriptionNotification"];
    if n.is_null() {
        return Ok(None);
    }
    let notification_type = n["notificationType"]
        .as_i64()
        .ok_or(malformed("subscriptionNotification.notificationType"))?;
    let token = n["purchaseToken"]
        .as_str()
        .filter(|t| url_safe(t))
        .ok_or(malformed("subscriptionNotification.purchaseToken"))?;
    Ok(Some(Message {
        id: id.to_owned(),
        at_ms,
        notification_type,
        token: token.to_owned(),
    }))
}

/// The store's view of the subscription from `SubscriptionPurchaseV2`; `None` while the
/// purchase is pending (nothing to grant or end yet).
fn view(m: &Message, s: &Value) -> Option<StoreView> {
    let state = s["subscriptionState"].as_str()?;
    let items = s["lineItems"].as_array().cloned().unwrap_or_default();
    let item = items.first().cloned().unwrap_or(Value::Null);
    let period_end = items.iter().filter_map(|i| rfc3339(&i["expiryTime"])).max();
    let auto_renew = item["autoRenewingPlan"]["autoRenewEnabled"].as_bool();
    let trial = item["offerPhase"]["freeTrial"].is_object();
    let status = match state {
        _ if m.notification_type == REVOKED => Status::Revoked,
        "SUBSCRIPTION_STATE_ACTIVE" if auto_renew == Some(false) => Status::Canceled,
        "SUBSCRIPTION_STATE_ACTIVE" if trial => Status::Trialing,
        "SUBSCRIPTION_STATE_ACTIVE" => Status::Active,
        "SUBSCRIPTION_STATE_CANCELED" => Status::Canceled,
        "SUBSCRIPTION_STATE_IN_GRACE_PERIOD" | "SUBSCRIPTION_STATE_ON_HOLD" => Status::PastDue,
        "SUBSCRIPTION_STATE_PAUSED" => Status::Paused,
        "SUBSCRIPTION_STATE_EXPIRED" => Status::Expired,
        _ => return None,
    };
    Some(StoreView {
        provider: Provider::Play,
        event_id: m.id.clone(),
        event_type: format!("subscription.{}", m.notification_type),
        at_ms: m.at_ms,
        provider_ref: m.token.clone(),
        account_token: s["externalAccountIdentifiers"]["obfuscatedExternalAccountId"]
            .as_str()
            .map(str::to_lowercase),
        store_product: item["productId"].as_str().map(str::to_owned),
        status,
        period_start: rfc3339(&s["startTime"]),
        period_end,
        // In grace the line item's expiry is the end of the grace period; on hold there
        // is none, so access ends with the period.
        grace_until: (state == "SUBSCRIPTION_STATE_IN_GRACE_PERIOD")
            .then_some(period_end)
            .flatten(),
        cancel_at_period_end: status == Status::Canceled,
    })
}

impl BillingService {
    /// Authenticates and applies one Pub/Sub push of a Play notification. Nothing is
    /// stored for a refused push or a message billing does not handle; a handled one is
    /// recorded in the inbox (keyed by the Pub/Sub `messageId`) in the transaction that
    /// applies the state fetched from the Play Developer API.
    pub async fn play_webhook(
        &self,
        authorization: Option<&str>,
        body: &[u8],
    ) -> Result<Delivery, StoreWebhookError> {
        let (Some(auth), Some(package)) = (
            self.play_push.as_deref(),
            self.settings.play_package_name.as_deref(),
        ) else {
            return Err(StoreWebhookError::NotConfigured);
        };
        oidc::verify(authorization, auth).map_err(StoreWebhookError::Unauthenticated)?;
        if !url_safe(package) {
            return Err(StoreWebhookError::NotConfigured);
        }
        let Some(m) = message(body, package)?.filter(|m| HANDLED.contains(&m.notification_type))
        else {
            metrics::counter!("haven_billing_webhooks_total", "provider" => "play", "outcome" => "ignored").increment(1);
            return Ok(Delivery::Ignored);
        };
        let id = m.id.clone();
        let seen = self
            .db
            .read_primary(move |conn| {
                Ok::<_, StoreWebhookError>(subs::event_seen(conn, "play", &id)?)
            })
            .await?;
        if seen {
            return Ok(Delivery::Duplicate);
        }
        let state = self
            .play_api
            .subscription(package, &m.token)
            .await
            .map_err(|e| match e {
                PlayApiError::NotConfigured => StoreWebhookError::NotConfigured,
                PlayApiError::Unavailable(why) => StoreWebhookError::Unavailable(why),
            })?;
        let view = state.as_ref().and_then(|s| view(&m, s));
        let now = now_utc();
        let delivery = self
            .write(move |conn| {
                let Some(view) = view else {
                    // Unknown to Google or still pending: recorded, nothing applied.
                    let event_type = format!("subscription.{}", m.notification_type);
                    let new = subs::record_event(
                        conn,
                        "play",
                        &m.id,
                        &event_type,
                        m.at_ms,
                        "ignored",
                        now,
                    )?;
                    return Ok::<_, StoreWebhookError>(if new {
                        Delivery::Processed(crate::subscriptions::service::Outcome::Unknown)
                    } else {
                        Delivery::Duplicate
                    });
                };
                Ok(apply(conn, view, now)?)
            })
            .await?;
        metrics::counter!("haven_billing_webhooks_total", "provider" => "play", "outcome" => label(delivery)).increment(1);
        Ok(delivery)
    }
}
