//! Queries of the subscription tables and the webhook inbox.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, each_backend};

use super::model::SubscriptionId;
use crate::catalog::model::{PriceId, ProductId};
use crate::schema::{billing_customers, billing_subscriptions, billing_webhook_events};

/// A row of `billing_subscriptions`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = billing_subscriptions, treat_none_as_null = true)]
pub struct SubscriptionRow {
    /// `bsu_…`.
    pub id: SubscriptionId,
    /// The member.
    pub user_id: UserId,
    /// `stripe`, `app_store` or `play`.
    pub provider: String,
    /// The provider's id.
    pub provider_ref: String,
    /// The product bought, when its price is known.
    pub product_id: Option<ProductId>,
    /// The price bought, when known.
    pub price_id: Option<PriceId>,
    /// The state machine's status.
    pub status: String,
    /// When access began.
    pub started_at: NaiveDateTime,
    /// End of the paid (or trial) period.
    pub current_period_end: Option<NaiveDateTime>,
    /// Ends at the period's end.
    pub cancel_at_period_end: bool,
    /// End of the grace period of a failed payment.
    pub grace_until: Option<NaiveDateTime>,
    /// Provider time (Unix seconds) of the last change applied.
    pub provider_updated_at: i64,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

/// The subscription the provider knows by `provider_ref`, locked until the transaction
/// ends (PostgreSQL; SQLite's write transaction holds the lock already).
pub fn lock_by_ref(
    conn: &mut AnyConnection,
    provider: &str,
    provider_ref: &str,
) -> QueryResult<Option<SubscriptionRow>> {
    let query = billing_subscriptions::table
        .filter(billing_subscriptions::provider.eq(provider.to_owned()))
        .filter(billing_subscriptions::provider_ref.eq(provider_ref.to_owned()))
        .select(billing_subscriptions::id);
    let id = haven_platform::select_for_update!(conn, query, |q, c| q
        .first::<SubscriptionId>(c)
        .optional())?;
    match id {
        Some(id) => billing_subscriptions::table
            .find(id)
            .select(SubscriptionRow::as_select())
            .first(conn)
            .optional(),
        None => Ok(None),
    }
}

/// The member of the subscription the provider knows by `provider_ref`.
pub fn user_of_ref(
    conn: &mut AnyConnection,
    provider: &str,
    provider_ref: &str,
) -> QueryResult<Option<UserId>> {
    billing_subscriptions::table
        .filter(billing_subscriptions::provider.eq(provider.to_owned()))
        .filter(billing_subscriptions::provider_ref.eq(provider_ref.to_owned()))
        .select(billing_subscriptions::user_id)
        .first(conn)
        .optional()
}

/// Inserts a subscription.
pub fn insert(conn: &mut AnyConnection, row: &SubscriptionRow) -> QueryResult<()> {
    diesel::insert_into(billing_subscriptions::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// Inserts a subscription unless the provider's ref is stored already; `false` then
/// (on PostgreSQL after waiting for a concurrent insert of the same ref to commit).
pub fn insert_if_absent(conn: &mut AnyConnection, row: &SubscriptionRow) -> QueryResult<bool> {
    use billing_subscriptions as s;
    let n = each_backend!(conn, |x| diesel::insert_into(s::table)
        .values(row)
        .on_conflict((s::provider, s::provider_ref))
        .do_nothing()
        .execute(x))?;
    Ok(n == 1)
}

/// Stores every field of the row.
pub fn update(conn: &mut AnyConnection, row: &SubscriptionRow) -> QueryResult<()> {
    diesel::update(billing_subscriptions::table.find(row.id))
        .set(row)
        .execute(conn)
        .map(drop)
}

/// The member's subscriptions, oldest first, after `after`.
pub fn of_user(
    conn: &mut AnyConnection,
    user_id: &UserId,
    after: Option<SubscriptionId>,
    limit: i64,
) -> QueryResult<Vec<SubscriptionRow>> {
    let mut query = billing_subscriptions::table
        .filter(billing_subscriptions::user_id.eq(user_id))
        .select(SubscriptionRow::as_select())
        .order(billing_subscriptions::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(billing_subscriptions::id.gt(after));
    }
    query.load(conn)
}

/// The refs of the member's Stripe subscriptions of a customer.
pub fn stripe_refs_of_customer(
    conn: &mut AnyConnection,
    customer: &str,
) -> QueryResult<Vec<String>> {
    let Some(user) = user_of_customer(conn, customer)? else {
        return Ok(Vec::new());
    };
    billing_subscriptions::table
        .filter(billing_subscriptions::user_id.eq(user))
        .filter(billing_subscriptions::provider.eq("stripe"))
        .select(billing_subscriptions::provider_ref)
        .load(conn)
}

/// Links the member to their Stripe customer (the first link stays).
pub fn link_customer(
    conn: &mut AnyConnection,
    user_id: &UserId,
    customer: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    use billing_customers as c;
    each_backend!(conn, |x| diesel::insert_into(c::table)
        .values((
            c::user_id.eq(user_id),
            c::stripe_customer_id.eq(customer),
            c::created_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(x))
    .map(drop)
}

/// The member's Stripe customer.
pub fn customer_of(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<Option<String>> {
    billing_customers::table
        .find(user_id)
        .select(billing_customers::stripe_customer_id)
        .first(conn)
        .optional()
}

/// The member behind a Stripe customer.
pub fn user_of_customer(conn: &mut AnyConnection, customer: &str) -> QueryResult<Option<UserId>> {
    billing_customers::table
        .filter(billing_customers::stripe_customer_id.eq(customer))
        .select(billing_customers::user_id)
        .first(conn)
        .optional()
}

/// Records a provider event in the inbox; `false` if it was there already (a
/// redelivery).
pub fn record_event(
    conn: &mut AnyConnection,
    provider: &str,
    event_id: &str,
    event_type: &str,
    created: i64,
    outcome: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    use billing_webhook_events as w;
    let n = each_backend!(conn, |x| diesel::insert_into(w::table)
        .values((
            w::provider.eq(provider),
            w::event_id.eq(event_id),
            w::event_type.eq(event_type),
            w::created.eq(created),
            w::outcome.eq(outcome),
            w::received_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(x))?;
    Ok(n == 1)
}

/// Whether the provider's event is in the inbox.
pub fn event_seen(conn: &mut AnyConnection, provider: &str, event_id: &str) -> QueryResult<bool> {
    use billing_webhook_events as w;
    diesel::select(diesel::dsl::exists(
        w::table.find((provider.to_owned(), event_id.to_owned())),
    ))
    .get_result(conn)
}

/// Sets the outcome of a recorded event.
pub fn set_outcome(
    conn: &mut AnyConnection,
    provider: &str,
    event_id: &str,
    outcome: &str,
) -> QueryResult<()> {
    use billing_webhook_events as w;
    diesel::update(w::table.find((provider, event_id)))
        .set(w::outcome.eq(outcome))
        .execute(conn)
        .map(drop)
}

/// Deletes the member's customer link; subscriptions are pseudonymized by the caller.
pub fn delete_customer(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<usize> {
    diesel::delete(billing_customers::table.find(user_id)).execute(conn)
}

/// Every subscription of the member, for the export.
pub fn all_of_user(
    conn: &mut AnyConnection,
    user_id: &UserId,
) -> QueryResult<Vec<SubscriptionRow>> {
    of_user(conn, user_id, None, i64::MAX)
}
