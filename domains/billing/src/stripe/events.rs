//! Stripe events as billing reads them (only the fields it needs; Stripe adds fields
//! freely). An event of a handled type whose object lacks what billing needs is
//! malformed; other types are ignored.

use chrono::{DateTime, NaiveDateTime};
use haven_platform::ids::UserId;
use serde::Deserialize;
use serde_json::Value;

use crate::subscriptions::model::Status;

/// The envelope of every event.
#[derive(Debug, Deserialize)]
pub struct Envelope {
    /// `evt_…`.
    pub id: String,
    /// E.g. `invoice.paid`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// When Stripe created the event (Unix seconds).
    pub created: i64,
    /// The object.
    pub data: Data,
}

/// `data` of an event.
#[derive(Debug, Deserialize)]
pub struct Data {
    /// The object the event is about.
    pub object: Value,
}

/// The event types billing applies.
pub const HANDLED: &[&str] = &[
    "checkout.session.completed",
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
    "invoice.paid",
    "invoice.payment_failed",
    "charge.refunded",
];

/// What a handled event says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    /// A checkout finished: the member's Stripe customer.
    CheckoutCompleted {
        /// Our member (the checkout's `client_reference_id`), if it is one.
        user_id: Option<UserId>,
        /// `cus_…`.
        customer: Option<String>,
    },
    /// A subscription's whole state.
    Subscription(SubscriptionObject),
    /// An invoice of a subscription was paid.
    InvoicePaid {
        /// `sub_…`.
        subscription: Option<String>,
        /// End of the period paid for.
        period_end: Option<NaiveDateTime>,
    },
    /// A payment of a subscription's invoice failed.
    InvoiceFailed {
        /// `sub_…`.
        subscription: Option<String>,
    },
    /// A charge was refunded (`full`: completely).
    Refunded {
        /// `cus_…`.
        customer: Option<String>,
        /// Whether the whole amount was refunded.
        full: bool,
    },
}

/// A subscription object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionObject {
    /// `sub_…`.
    pub id: String,
    /// `cus_…`.
    pub customer: Option<String>,
    /// `metadata.user_id` (set by our checkout).
    pub user_id: Option<UserId>,
    /// The status it maps to; `None` for `incomplete` (not started).
    pub status: Option<Status>,
    /// The Stripe price of its first item.
    pub price: Option<String>,
    /// Start of the current period.
    pub period_start: Option<NaiveDateTime>,
    /// End of the current period.
    pub period_end: Option<NaiveDateTime>,
    /// Ends at the period's end.
    pub cancel_at_period_end: bool,
}

/// A malformed object: the field that is missing or wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed event: {0}")]
pub struct Malformed(pub &'static str);

fn time(v: &Value) -> Option<NaiveDateTime> {
    v.as_i64()
        .and_then(|s| DateTime::from_timestamp(s, 0))
        .map(|t| t.naive_utc())
}

fn text(v: &Value) -> Option<String> {
    v.as_str().filter(|s| !s.is_empty()).map(str::to_owned)
}

/// An expandable reference: an id, or an object with an id.
fn reference(v: &Value) -> Option<String> {
    text(v).or_else(|| text(&v["id"]))
}

fn subscription(o: &Value, deleted: bool) -> Result<SubscriptionObject, Malformed> {
    let id = text(&o["id"]).ok_or(Malformed("data.object.id"))?;
    let raw = o["status"]
        .as_str()
        .ok_or(Malformed("data.object.status"))?;
    let cancel_at_period_end = o["cancel_at_period_end"].as_bool().unwrap_or(false);
    let status = match (deleted, raw) {
        (true, _) => Some(Status::Expired),
        (_, "trialing") => Some(Status::Trialing),
        (_, "active") if cancel_at_period_end => Some(Status::Canceled),
        (_, "active") => Some(Status::Active),
        (_, "past_due") => Some(Status::PastDue),
        (_, "paused") => Some(Status::Paused),
        (_, "canceled" | "unpaid" | "incomplete_expired") => Some(Status::Expired),
        (_, "incomplete") => None,
        _ => return Err(Malformed("data.object.status")),
    };
    let item = &o["items"]["data"][0];
    Ok(SubscriptionObject {
        id,
        customer: reference(&o["customer"]),
        user_id: o["metadata"]["user_id"]
            .as_str()
            .and_then(|s| s.parse().ok()),
        status,
        price: reference(&item["price"]),
        // Newer API versions keep the period on the items.
        period_start: time(&o["current_period_start"])
            .or_else(|| time(&item["current_period_start"])),
        period_end: time(&o["current_period_end"]).or_else(|| time(&item["current_period_end"])),
        cancel_at_period_end,
    })
}

fn invoice_subscription(o: &Value) -> Option<String> {
    reference(&o["subscription"])
        .or_else(|| reference(&o["parent"]["subscription_details"]["subscription"]))
}

/// What a handled event says; `Ok(None)` for a type billing does not handle.
pub fn fact(event_type: &str, o: &Value) -> Result<Option<Fact>, Malformed> {
    if !o.is_object() {
        return Err(Malformed("data.object"));
    }
    Ok(Some(match event_type {
        "checkout.session.completed" => Fact::CheckoutCompleted {
            user_id: o["client_reference_id"]
                .as_str()
                .and_then(|s| s.parse().ok()),
            customer: reference(&o["customer"]),
        },
        "customer.subscription.created" | "customer.subscription.updated" => {
            Fact::Subscription(subscription(o, false)?)
        }
        "customer.subscription.deleted" => Fact::Subscription(subscription(o, true)?),
        "invoice.paid" => Fact::InvoicePaid {
            subscription: invoice_subscription(o),
            period_end: time(&o["lines"]["data"][0]["period"]["end"])
                .or_else(|| time(&o["period_end"])),
        },
        "invoice.payment_failed" => Fact::InvoiceFailed {
            subscription: invoice_subscription(o),
        },
        "charge.refunded" => Fact::Refunded {
            customer: reference(&o["customer"]),
            full: o["refunded"]
                .as_bool()
                .ok_or(Malformed("data.object.refunded"))?,
        },
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn subscription_statuses_map_to_the_state_machine() {
        let o = |status: &str, cancel: bool| {
            json!({"id": "sub_1", "status": status, "cancel_at_period_end": cancel,
            "items": {"data": [{"price": {"id": "price_x"}, "current_period_end": 1_800_000_000}]}})
        };
        let get = |t: &str, o: Value| match fact(t, &o).unwrap() {
            Some(Fact::Subscription(s)) => s,
            other => panic!("{other:?}"),
        };
        let s = get("customer.subscription.updated", o("active", false));
        assert_eq!(
            (s.status, s.price.as_deref()),
            (Some(Status::Active), Some("price_x"))
        );
        assert!(s.period_end.is_some());
        assert_eq!(
            get("customer.subscription.updated", o("active", true)).status,
            Some(Status::Canceled)
        );
        assert_eq!(
            get("customer.subscription.updated", o("unpaid", false)).status,
            Some(Status::Expired)
        );
        assert_eq!(
            get("customer.subscription.deleted", o("active", false)).status,
            Some(Status::Expired)
        );
        assert_eq!(
            get("customer.subscription.created", o("incomplete", false)).status,
            None
        );
        assert_eq!(
            fact("customer.subscription.updated", &o("sleeping", false)),
            Err(Malformed("data.object.status"))
        );
        assert_eq!(
            fact(
                "customer.subscription.updated",
                &json!({"status": "active"})
            ),
            Err(Malformed("data.object.id"))
        );
        assert_eq!(
            fact("invoice.paid", &json!("x")),
            Err(Malformed("data.object"))
        );
        assert_eq!(fact("customer.created", &json!({})), Ok(None));
    }
}
