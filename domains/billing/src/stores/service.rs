//! What both stores share: the member's account token, and applying a store's view of a
//! subscription (inbox first, so a redelivery is a no-op; then the state machine, which
//! refuses a view older than the one it holds).

use chrono::NaiveDateTime;
use diesel::QueryResult;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, Fault};

use super::repo;
use crate::catalog::model::{PriceId, ProductId};
use crate::service::BillingService;
use crate::stripe::service::Delivery;
use crate::subscriptions::model::{Provider, Status};
use crate::subscriptions::repo as subs;
use crate::subscriptions::service::{Change, Observed, Outcome, transition};

/// A store's verified view of one subscription, from one notification.
#[derive(Debug, Clone)]
pub(crate) struct StoreView {
    /// The store.
    pub provider: Provider,
    /// The notification's id (the inbox key).
    pub event_id: String,
    /// The notification's type, for the inbox.
    pub event_type: String,
    /// The store's time of the notification (Unix milliseconds): orders views.
    pub at_ms: i64,
    /// The store's subscription id.
    pub provider_ref: String,
    /// The account token the app set at purchase.
    pub account_token: Option<String>,
    /// The store's product id.
    pub store_product: Option<String>,
    /// The state it maps to.
    pub status: Status,
    /// Start of the current period.
    pub period_start: Option<NaiveDateTime>,
    /// End of the current period.
    pub period_end: Option<NaiveDateTime>,
    /// End of the grace period of a failed renewal.
    pub grace_until: Option<NaiveDateTime>,
    /// Renewal turned off: ends at the period's end.
    pub cancel_at_period_end: bool,
}

fn member_of(conn: &mut AnyConnection, view: &StoreView) -> QueryResult<Option<UserId>> {
    if let Some(token) = &view.account_token
        && let Some(user) = repo::user_of_token(conn, token)?
    {
        return Ok(Some(user));
    }
    subs::user_of_ref(conn, view.provider.as_str(), &view.provider_ref)
}

fn price_of(
    conn: &mut AnyConnection,
    provider: Provider,
    product: &str,
) -> QueryResult<Option<(ProductId, PriceId)>> {
    match provider {
        Provider::AppStore => repo::price_of_app_store_product(conn, product),
        Provider::Play => repo::price_of_play_product(conn, product),
        Provider::Stripe => Ok(None),
    }
}

/// Records `view` in the inbox and applies it, in the caller's transaction.
pub(crate) fn apply(
    conn: &mut AnyConnection,
    view: StoreView,
    now: NaiveDateTime,
) -> QueryResult<Delivery> {
    let provider = view.provider.as_str();
    if !subs::record_event(
        conn,
        provider,
        &view.event_id,
        &view.event_type,
        view.at_ms,
        Outcome::Applied.as_str(),
        now,
    )? {
        return Ok(Delivery::Duplicate);
    }
    let outcome = match member_of(conn, &view)? {
        None => Outcome::Unknown,
        Some(user_id) => {
            let price = match &view.store_product {
                Some(p) => price_of(conn, view.provider, p)?,
                None => None,
            };
            let observed = Observed {
                user_id,
                status: view.status,
                price,
                period_start: view.period_start,
                period_end: view.period_end,
                grace_until: Some(view.grace_until),
                cancel_at_period_end: view.cancel_at_period_end,
            };
            transition(
                conn,
                view.provider,
                &view.provider_ref,
                Change::Observed(observed),
                view.at_ms,
                now,
            )?
        }
    };
    if outcome != Outcome::Applied {
        subs::set_outcome(conn, provider, &view.event_id, outcome.as_str())?;
    }
    Ok(Delivery::Processed(outcome))
}

/// The metric label of a delivery.
pub(crate) fn label(delivery: Delivery) -> &'static str {
    match delivery {
        Delivery::Processed(o) => o.as_str(),
        Delivery::Duplicate => "duplicate",
        Delivery::Ignored => "ignored",
    }
}

impl BillingService {
    /// The member's account token (a UUID), created on first use: the app sets it on
    /// store purchases (`appAccountToken`, `obfuscatedExternalAccountId`).
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn store_account_token(&self, user_id: &UserId) -> Result<String, Fault> {
        let user = *user_id;
        let now = now_utc();
        self.write(move |conn| {
            if let Some(token) = repo::token_of(conn, &user)? {
                return Ok(token);
            }
            let token = uuid::Uuid::new_v4().to_string();
            repo::insert_token(conn, &user, &token, now)?;
            // A concurrent first call may have won: everyone gets the stored token.
            Ok::<_, Fault>(repo::token_of(conn, &user)?.unwrap_or(token))
        })
        .await
    }
}
