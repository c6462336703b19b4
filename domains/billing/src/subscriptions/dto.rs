//! Wire types of subscriptions.

use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::model::SubscriptionId;
use super::repo::SubscriptionRow;
use crate::catalog::model::{PriceId, ProductId};

/// A subscription's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "BillingSubscriptionStatus", rename_all = "snake_case")]
pub enum StatusDto {
    /// In its free trial (access until the trial ends).
    Trialing,
    /// Paid (access until the period ends).
    Active,
    /// A payment failed; access continues through the grace period.
    PastDue,
    /// Cancelled: access until the period ends, no renewal.
    Canceled,
    /// Over.
    Expired,
    /// Paused: no access until resumed.
    Paused,
    /// Refunded: access ended.
    Refunded,
    /// Revoked by the store: access ended.
    Revoked,
}

/// Which store bills the subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "BillingProvider", rename_all = "snake_case")]
pub enum ProviderDto {
    /// Stripe (the web).
    Stripe,
    /// The App Store.
    AppStore,
    /// Google Play.
    Play,
}

/// One of the member's subscriptions.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingSubscription")]
pub struct SubscriptionDto {
    /// The subscription id.
    pub id: SubscriptionId,
    /// Which store bills it.
    pub provider: ProviderDto,
    /// Its state.
    pub status: StatusDto,
    /// The product bought, when known.
    pub product_id: Option<ProductId>,
    /// The price bought, when known.
    pub price_id: Option<PriceId>,
    /// When access began.
    pub started_at: Timestamp,
    /// End of the current paid or trial period.
    pub current_period_end: Option<Timestamp>,
    /// Whether it ends at the period's end instead of renewing.
    pub cancel_at_period_end: bool,
    /// End of the grace period after a failed payment.
    pub grace_until: Option<Timestamp>,
}

impl SubscriptionDto {
    /// The wire form of a row (`None` for a status or provider this version cannot read).
    pub fn of(row: SubscriptionRow) -> Option<Self> {
        let status = match row.status.as_str() {
            "trialing" => StatusDto::Trialing,
            "active" => StatusDto::Active,
            "past_due" => StatusDto::PastDue,
            "canceled" => StatusDto::Canceled,
            "expired" => StatusDto::Expired,
            "paused" => StatusDto::Paused,
            "refunded" => StatusDto::Refunded,
            "revoked" => StatusDto::Revoked,
            _ => return None,
        };
        let provider = match row.provider.as_str() {
            "stripe" => ProviderDto::Stripe,
            "app_store" => ProviderDto::AppStore,
            "play" => ProviderDto::Play,
            _ => return None,
        };
        Some(Self {
            id: row.id,
            provider,
            status,
            product_id: row.product_id,
            price_id: row.price_id,
            started_at: row.started_at.into(),
            current_period_end: row.current_period_end.map(Into::into),
            cancel_at_period_end: row.cancel_at_period_end,
            grace_until: row.grace_until.map(Into::into),
        })
    }
}
