//! Stripe use-cases: apply a verified webhook event (inbox first, so a redelivery is a
//! no-op), start a checkout, open the customer portal.

use chrono::{DateTime, NaiveDateTime, Utc};
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use sha2::{Digest, Sha256};

use super::client::StripeError;
use super::error::{CheckoutError, PortalError, WebhookError};
use super::events::{self, Envelope, Fact, Malformed, SubscriptionObject};
use super::signature::{self, TOLERANCE_S};
use crate::catalog::model::PriceId;
use crate::catalog::repo as catalog;
use crate::promo::repo as promo;
use crate::service::BillingService;
use crate::subscriptions::model::Provider;
use crate::subscriptions::repo as subs;
use crate::subscriptions::service::{Change, Observed, Outcome, transition};

/// The inbox's provider name.
const STRIPE: &str = "stripe";

/// What a delivery did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Recorded and applied (or recorded as stale or not ours).
    Processed(Outcome),
    /// Seen before: nothing done.
    Duplicate,
    /// A type billing does not handle: nothing stored.
    Ignored,
}

/// A started checkout.
#[derive(Debug, Clone)]
pub struct CheckoutSession {
    /// Stripe's session id.
    pub id: String,
    /// Where to send the member.
    pub url: String,
}

fn applied(
    conn: &mut AnyConnection,
    fact: Fact,
    at: i64,
    grace_s: i64,
    now: NaiveDateTime,
) -> diesel::QueryResult<Outcome> {
    match fact {
        Fact::CheckoutCompleted {
            user_id: Some(user),
            customer: Some(customer),
        } => {
            subs::link_customer(conn, &user, &customer, now)?;
            Ok(Outcome::Applied)
        }
        Fact::CheckoutCompleted { .. } => Ok(Outcome::Unknown),
        Fact::Subscription(s) => subscription(conn, s, at, now),
        Fact::InvoicePaid {
            subscription: Some(r),
            period_end,
        } => transition(
            conn,
            Provider::Stripe,
            &r,
            Change::Paid { period_end },
            at,
            now,
        ),
        Fact::InvoiceFailed {
            subscription: Some(r),
        } => {
            let event_time = DateTime::from_timestamp(at, 0).map_or(now, |t| t.naive_utc());
            let change = Change::PaymentFailed {
                grace_until: event_time + chrono::Duration::seconds(grace_s),
            };
            transition(conn, Provider::Stripe, &r, change, at, now)
        }
        Fact::InvoicePaid { .. } | Fact::InvoiceFailed { .. } => Ok(Outcome::Unknown),
        Fact::Refunded {
            customer: Some(customer),
            full: true,
        } => {
            let mut outcome = Outcome::Unknown;
            for r in subs::stripe_refs_of_customer(conn, &customer)? {
                if transition(conn, Provider::Stripe, &r, Change::Refunded, at, now)?
                    == Outcome::Applied
                {
                    outcome = Outcome::Applied;
                }
            }
            Ok(outcome)
        }
        Fact::Refunded { .. } => Ok(Outcome::Unknown),
    }
}

fn subscription(
    conn: &mut AnyConnection,
    s: SubscriptionObject,
    at: i64,
    now: NaiveDateTime,
) -> diesel::QueryResult<Outcome> {
    let user = match s.user_id {
        Some(u) => Some(u),
        None => match &s.customer {
            Some(c) => subs::user_of_customer(conn, c)?,
            None => None,
        },
    };
    let (Some(user_id), Some(status)) = (user, s.status) else {
        return Ok(Outcome::Unknown);
    };
    let price = match &s.price {
        Some(p) => catalog::find_price_by_stripe_id(conn, p)?.map(|row| (row.product_id, row.id)),
        None => None,
    };
    let observed = Observed {
        user_id,
        status,
        price,
        period_start: s.period_start,
        period_end: s.period_end,
        grace_until: None,
        cancel_at_period_end: s.cancel_at_period_end,
    };
    transition(
        conn,
        Provider::Stripe,
        &s.id,
        Change::Observed(observed),
        at,
        now,
    )
}

impl BillingService {
    /// Verifies, parses and applies one Stripe webhook delivery. Nothing is stored for a
    /// refused delivery or an unhandled type; a handled event is recorded in the inbox
    /// (keyed by its id) in the transaction that applies it.
    pub async fn stripe_webhook(
        &self,
        signature_header: Option<&str>,
        body: &[u8],
    ) -> Result<Delivery, WebhookError> {
        let secrets: Vec<&str> = self
            .settings
            .stripe_webhook_secrets
            .iter()
            .map(|s| s.expose())
            .collect();
        signature::verify(
            signature_header,
            body,
            secrets.iter().copied(),
            Utc::now().timestamp(),
            TOLERANCE_S,
        )?;
        let envelope: Envelope =
            serde_json::from_slice(body).map_err(|_| Malformed("the event envelope"))?;
        if !events::HANDLED.contains(&envelope.event_type.as_str()) {
            metrics::counter!("haven_billing_webhooks_total", "provider" => STRIPE, "outcome" => "ignored").increment(1);
            return Ok(Delivery::Ignored);
        }
        let Some(fact) = events::fact(&envelope.event_type, &envelope.data.object)? else {
            return Ok(Delivery::Ignored);
        };
        let grace_s = i64::try_from(self.settings.past_due_grace_s).unwrap_or(i64::MAX / 2);
        let now = now_utc();
        let delivery = self
            .write(move |conn| {
                let Envelope {
                    id,
                    event_type,
                    created,
                    ..
                } = envelope;
                if !subs::record_event(conn, STRIPE, &id, &event_type, created, "applied", now)? {
                    return Ok::<_, WebhookError>(Delivery::Duplicate);
                }
                let outcome = applied(conn, fact, created, grace_s, now)?;
                if outcome != Outcome::Applied {
                    subs::set_outcome(conn, STRIPE, &id, outcome.as_str())?;
                }
                Ok(Delivery::Processed(outcome))
            })
            .await?;
        let label = match delivery {
            Delivery::Processed(o) => o.as_str(),
            Delivery::Duplicate => "duplicate",
            Delivery::Ignored => "ignored",
        };
        metrics::counter!("haven_billing_webhooks_total", "provider" => STRIPE, "outcome" => label)
            .increment(1);
        Ok(delivery)
    }

    /// Starts a Stripe Checkout for `price_id`; `key` (the request's idempotency key)
    /// makes Stripe's own key, so a retry gets the same session.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, price_id = %price_id))]
    pub async fn checkout(
        &self,
        user_id: &UserId,
        price_id: &PriceId,
        key: Option<&str>,
    ) -> Result<CheckoutSession, CheckoutError> {
        let (user, price) = (*user_id, *price_id);
        let (stripe_price, trial_days, customer, discount) = self
            .db
            .read_primary(move |conn| {
                let row = catalog::find_price(conn, &price)?.ok_or(CheckoutError::PriceNotFound)?;
                let on_sale = row.active
                    && catalog::find_product(conn, &row.product_id)?.is_some_and(|p| p.active);
                if !on_sale {
                    return Err(CheckoutError::PriceNotFound);
                }
                let stripe = row.stripe_price_id.ok_or(CheckoutError::NotPurchasable)?;
                let customer = subs::customer_of(conn, &user)?;
                let discount = promo::pending_discount(conn, &user)?
                    .and_then(|(r, p)| p.stripe_coupon_id.map(|c| (r.id, c)));
                Ok((stripe, row.trial_days, customer, discount))
            })
            .await?;
        let user_text = user.to_string();
        let mut form = vec![
            ("mode".to_owned(), "subscription".to_owned()),
            ("line_items[0][price]".to_owned(), stripe_price),
            ("line_items[0][quantity]".to_owned(), "1".to_owned()),
            ("client_reference_id".to_owned(), user_text.clone()),
            (
                "success_url".to_owned(),
                self.settings.checkout_success_url.clone(),
            ),
            (
                "cancel_url".to_owned(),
                self.settings.checkout_cancel_url.clone(),
            ),
            ("metadata[user_id]".to_owned(), user_text.clone()),
            (
                "subscription_data[metadata][user_id]".to_owned(),
                user_text.clone(),
            ),
        ];
        if trial_days > 0 {
            form.push((
                "subscription_data[trial_period_days]".to_owned(),
                trial_days.to_string(),
            ));
        }
        if let Some(c) = customer {
            form.push(("customer".to_owned(), c));
        }
        if let Some((_, coupon)) = &discount {
            form.push(("discounts[0][coupon]".to_owned(), coupon.clone()));
        }
        let stripe_key = stripe_key("checkout", &user_text, &price.to_string(), key);
        let session = self
            .stripe
            .post_form("/v1/checkout/sessions", &form, &stripe_key)
            .await?;
        let (Some(id), Some(url)) = (session["id"].as_str(), session["url"].as_str()) else {
            return Err(
                StripeError::Unavailable("checkout session without id or url".into()).into(),
            );
        };
        // After Stripe answered: a discount is used up only by a session that exists.
        if let Some((redemption, _)) = discount {
            let now = now_utc();
            self.write(move |conn| {
                Ok::<_, CheckoutError>(promo::mark_applied(conn, &redemption, now)?)
            })
            .await?;
        }
        Ok(CheckoutSession {
            id: id.to_owned(),
            url: url.to_owned(),
        })
    }

    /// A one-time link to Stripe's customer portal for the member.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn portal(&self, user_id: &UserId) -> Result<String, PortalError> {
        let user = *user_id;
        let customer = self
            .db
            .read_primary(move |conn| Ok::<_, PortalError>(subs::customer_of(conn, &user)?))
            .await?
            .ok_or(PortalError::NoCustomer)?;
        let form = vec![
            ("customer".to_owned(), customer),
            (
                "return_url".to_owned(),
                self.settings.portal_return_url.clone(),
            ),
        ];
        let key = stripe_key("portal", &user.to_string(), "", None);
        let session = self
            .stripe
            .post_form("/v1/billing_portal/sessions", &form, &key)
            .await?;
        session["url"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| StripeError::Unavailable("portal session without url".into()).into())
    }
}

/// Stripe's `Idempotency-Key` for one of our requests: derived from the caller and their
/// own key, so a retry of the same request reuses it; a fresh one without a key.
fn stripe_key(what: &str, user: &str, target: &str, key: Option<&str>) -> String {
    match key {
        Some(k) => {
            let digest = Sha256::digest(format!("{what}\n{user}\n{target}\n{k}").as_bytes());
            digest.iter().map(|b| format!("{b:02x}")).collect()
        }
        None => format!("haven-{}", UserId::new()),
    }
}
