//! Subscription transitions. A provider event becomes a [`Change`]; [`transition`] locks
//! the subscription's row, refuses an event older than the state it holds, stores the new
//! state and brings the ledger in line, all in the caller's transaction.

use chrono::NaiveDateTime;
use diesel::QueryResult;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use super::error::MySubscriptionsError;
use super::model::{Access, Provider, Status, SubscriptionId, access, supersedes};
use super::repo::{self, SubscriptionRow};
use crate::catalog::model::{Feature, PriceId, ProductId};
use crate::catalog::repo as catalog;
use crate::ledger::model::Source;
use crate::ledger::service::{
    Audit, GrantSpec, end_source_grants, revoke_source_grants, set_source_grants,
};
use crate::service::BillingService;

/// The provider's full view of a subscription (a subscription object).
#[derive(Debug, Clone)]
pub struct Observed {
    /// The member.
    pub user_id: UserId,
    /// The status it maps to.
    pub status: Status,
    /// The product and price bought, when the price is in the catalog.
    pub price: Option<(ProductId, PriceId)>,
    /// Start of the current period.
    pub period_start: Option<NaiveDateTime>,
    /// End of the current period.
    pub period_end: Option<NaiveDateTime>,
    /// End of the grace period of a failed renewal as the provider reports it
    /// (`Some(None)`: none); `None`: the provider does not say, the stored one stays.
    pub grace_until: Option<Option<NaiveDateTime>>,
    /// Ends at the period's end.
    pub cancel_at_period_end: bool,
}

/// What a provider event says about a subscription.
#[derive(Debug, Clone)]
pub enum Change {
    /// Its whole state.
    Observed(Observed),
    /// A renewal was paid up to `period_end`.
    Paid {
        /// The new end of the period.
        period_end: Option<NaiveDateTime>,
    },
    /// A renewal failed; access continues until `grace_until`.
    PaymentFailed {
        /// End of the grace period.
        grace_until: NaiveDateTime,
    },
    /// The payment was refunded.
    Refunded,
    /// The provider revoked it.
    Revoked,
}

/// What [`transition`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The change was applied.
    Applied,
    /// An equally old or newer state is stored: nothing changed.
    Stale,
    /// The subscription is unknown and the change cannot create it.
    Unknown,
}

impl Outcome {
    /// The inbox's name of the outcome.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Applied => "applied",
            Self::Stale => "stale",
            Self::Unknown => "ignored",
        }
    }
}

const fn source_of(provider: Provider) -> Source {
    match provider {
        Provider::Stripe => Source::Stripe,
        Provider::AppStore => Source::AppStore,
        Provider::Play => Source::Play,
    }
}

/// Applies `change`, reported by the provider at `at` (Unix seconds), to the
/// subscription `provider_ref`, and updates the ledger in the same transaction.
pub(crate) fn transition(
    conn: &mut AnyConnection,
    provider: Provider,
    provider_ref: &str,
    change: Change,
    at: i64,
    now: NaiveDateTime,
) -> QueryResult<Outcome> {
    let existing = repo::lock_by_ref(conn, provider.as_str(), provider_ref)?;
    match next_row(provider, provider_ref, change.clone(), existing, at, now) {
        Next::Keep(outcome) => Ok(outcome),
        Next::Update(row) => {
            repo::update(conn, &row)?;
            sync_ledger(conn, provider, &row, now)?;
            Ok(Outcome::Applied)
        }
        Next::Insert(row) => {
            if repo::insert_if_absent(conn, &row)? {
                sync_ledger(conn, provider, &row, now)?;
                return Ok(Outcome::Applied);
            }
            // A concurrent first delivery of another event created the row (PostgreSQL's
            // insert waited for it to commit): apply this one to that row instead, so
            // the older of the two never overwrites the newer.
            let existing = repo::lock_by_ref(conn, provider.as_str(), provider_ref)?;
            match next_row(provider, provider_ref, change, existing, at, now) {
                Next::Keep(outcome) => Ok(outcome),
                Next::Update(row) => {
                    repo::update(conn, &row)?;
                    sync_ledger(conn, provider, &row, now)?;
                    Ok(Outcome::Applied)
                }
                // The row vanished between the two statements: nothing deletes
                // subscriptions outside erasure, so report it as stale rather than loop.
                Next::Insert(_) => Ok(Outcome::Stale),
            }
        }
    }
}

/// What [`next_row`] decided.
enum Next {
    /// Nothing to store.
    Keep(Outcome),
    /// Store this new row.
    Insert(SubscriptionRow),
    /// Replace the stored row.
    Update(SubscriptionRow),
}

/// The subscription's row after `change`, given the stored one.
fn next_row(
    provider: Provider,
    provider_ref: &str,
    change: Change,
    existing: Option<SubscriptionRow>,
    at: i64,
    now: NaiveDateTime,
) -> Next {
    let stored = existing.as_ref().map(|r| {
        (
            r.provider_updated_at,
            Status::parse(&r.status).unwrap_or(Status::Expired),
        )
    });
    let row = match (change, existing) {
        (Change::Observed(o), existing) => {
            if let Some((stored_at, stored)) = stored
                && !supersedes(at, o.status, stored_at, stored)
            {
                return Next::Keep(Outcome::Stale);
            }
            let base = existing.unwrap_or_else(|| SubscriptionRow {
                id: SubscriptionId::new(),
                user_id: o.user_id,
                provider: provider.as_str().to_owned(),
                provider_ref: provider_ref.to_owned(),
                product_id: None,
                price_id: None,
                status: o.status.as_str().to_owned(),
                started_at: o.period_start.unwrap_or(now),
                current_period_end: None,
                cancel_at_period_end: false,
                grace_until: None,
                provider_updated_at: at,
                created_at: now,
                updated_at: now,
            });
            SubscriptionRow {
                product_id: o.price.map(|p| p.0).or(base.product_id),
                price_id: o.price.map(|p| p.1).or(base.price_id),
                status: o.status.as_str().to_owned(),
                current_period_end: o.period_end.or(base.current_period_end),
                cancel_at_period_end: o.cancel_at_period_end,
                grace_until: if o.status == Status::PastDue {
                    o.grace_until.unwrap_or(base.grace_until)
                } else {
                    None
                },
                provider_updated_at: at,
                updated_at: now,
                ..base
            }
        }
        (_, None) => return Next::Keep(Outcome::Unknown),
        (change, Some(row)) => {
            let (status, period_end, grace) = match change {
                Change::Paid { period_end } => (
                    if row.cancel_at_period_end {
                        Status::Canceled
                    } else {
                        Status::Active
                    },
                    match (period_end, row.current_period_end) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        (a, b) => a.or(b),
                    },
                    None,
                ),
                Change::PaymentFailed { grace_until } => {
                    (Status::PastDue, row.current_period_end, Some(grace_until))
                }
                Change::Refunded => (Status::Refunded, row.current_period_end, None),
                Change::Revoked => (Status::Revoked, row.current_period_end, None),
                Change::Observed(_) => return Next::Keep(Outcome::Stale),
            };
            let stored_status = Status::parse(&row.status).unwrap_or(Status::Expired);
            // A renewal or a failed payment does not revive a subscription that is over.
            if (stored_status.terminal() && !status.terminal())
                || !supersedes(at, status, row.provider_updated_at, stored_status)
            {
                return Next::Keep(Outcome::Stale);
            }
            SubscriptionRow {
                status: status.as_str().to_owned(),
                current_period_end: period_end,
                grace_until: grace,
                provider_updated_at: at,
                updated_at: now,
                ..row
            }
        }
    };
    if stored.is_some() {
        Next::Update(row)
    } else {
        Next::Insert(row)
    }
}

/// Makes the subscription's grants match its state.
fn sync_ledger(
    conn: &mut AnyConnection,
    provider: Provider,
    row: &SubscriptionRow,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let status = Status::parse(&row.status).unwrap_or(Status::Expired);
    let audit = Audit::system(&format!("subscription {}", status.as_str()));
    let source = source_of(provider);
    match access(status, row.current_period_end, row.grace_until) {
        Access::Until(until) => {
            let features = match row.product_id {
                Some(product) => catalog::features_of(conn, &[product])?,
                None => Vec::new(),
            };
            let specs: Vec<GrantSpec> = features
                .iter()
                .filter_map(|f| Feature::parse(&f.feature).map(|feature| (feature, f.quota)))
                .map(|(feature, quota)| GrantSpec {
                    feature,
                    quota,
                    valid_from: row.started_at.min(until),
                    valid_until: Some(until),
                })
                .collect();
            set_source_grants(
                conn,
                &row.user_id,
                source,
                &row.provider_ref,
                &specs,
                &audit,
                now,
            )?;
        }
        Access::EndNow => {
            end_source_grants(
                conn,
                &row.user_id,
                source,
                &row.provider_ref,
                now,
                &audit,
                now,
            )?;
        }
        Access::RevokeNow => {
            revoke_source_grants(conn, &row.user_id, source, &row.provider_ref, &audit, now)?;
        }
    }
    Ok(())
}

impl BillingService {
    /// The member's subscriptions, oldest first, after `after`.
    pub async fn my_subscriptions(
        &self,
        user_id: &UserId,
        after: Option<SubscriptionId>,
        fetch: i64,
    ) -> Result<Vec<SubscriptionRow>, MySubscriptionsError> {
        let user = *user_id;
        self.db
            .read_primary(move |conn| Ok(repo::of_user(conn, &user, after, fetch)?))
            .await
    }
}
