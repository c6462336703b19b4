//! The transactional outbox (docs/architecture.md rule 3): a domain publishes an event inside its own
//! transaction, so a rollback never emits it. The dispatcher on every node fans each
//! event out into one delivery job per subscribed handler (same transaction as marking it
//! dispatched); the job queue gives deliveries retries, backoff and a dead-letter state,
//! and `platform_event_handled` makes a redelivery to a handler that already succeeded a
//! no-op.

mod delivery;
mod repo;

use chrono::NaiveDateTime;
use diesel::QueryResult;
use futures_util::future::BoxFuture;
use serde::Serialize;

use crate::db::{AnyConnection, Db, DbError};

pub(crate) use delivery::{DELIVERY_KIND, Delivery, dispatch_batch};

crate::define_id!(
    /// Identifies an event.
    EventId,
    "evt"
);

/// Deletes outbox rows finished more than the retention period before `now`; the job
/// queue runs it daily.
pub fn purge_finished(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<usize> {
    repo::purge_before(conn, now - RETENTION)
}

/// How long dispatched events and handled records are kept (as long as finished jobs).
const RETENTION: chrono::Duration = chrono::Duration::days(7);

/// A fact a domain announces, e.g. `user.erased`.
pub trait DomainEvent: Serialize {
    /// Dotted type name, `domain.fact`.
    const TYPE: &'static str;
    /// Payload schema version; bump on incompatible changes.
    const VERSION: i32 = 1;
}

/// Writes `event` to the outbox on `conn`: call it inside the transaction that changes
/// the state the event announces.
pub fn publish<E: DomainEvent>(conn: &mut AnyConnection, event: &E) -> QueryResult<EventId> {
    let payload = serde_json::to_string(event)
        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    let id = EventId::new();
    repo::insert(
        conn,
        id,
        E::TYPE,
        E::VERSION,
        &payload,
        crate::time::now_utc(),
    )?;
    Ok(id)
}

/// An event as handlers receive it.
#[derive(Debug, Clone)]
pub struct Event {
    /// Unique id; handlers may use it as an idempotency key of their own.
    pub id: EventId,
    /// Dotted type, e.g. `user.erased`.
    pub event_type: String,
    /// Payload schema version.
    pub version: i32,
    /// When the publishing transaction wrote it (UTC).
    pub occurred_at: NaiveDateTime,
    /// The payload.
    pub payload: serde_json::Value,
}

/// Reacts to events. Delivery is at least once; the platform records each event a handler
/// finished, so it sees an event again only if it failed (or its node died) before that.
pub trait EventHandler: Send + Sync + 'static {
    /// Stable unique name, e.g. `billing.grant_on_member_joined`; changing it re-delivers.
    fn name(&self) -> &'static str;

    /// The event types it subscribes to.
    fn event_types(&self) -> Vec<&'static str>;

    /// Handles one event; an error retries it with backoff, then dead-letters it.
    fn handle<'a>(&'a self, event: &'a Event) -> BoxFuture<'a, anyhow::Result<()>>;
}

/// The outbox backlog, as the `haven_outbox_*` gauges report it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutboxStats {
    /// Events not yet fanned out plus deliveries not yet finished.
    pub pending: i64,
    /// Age in seconds of the oldest of them; 0 when there is none.
    pub lag_seconds: f64,
}

/// Measures the backlog and sets the `haven_outbox_pending` and
/// `haven_outbox_lag_seconds` gauges. Every node's workers call it every 5 s; tests and
/// admin tooling may call it directly.
pub async fn refresh_stats(db: &Db) -> Result<OutboxStats, DbError> {
    let (pending, oldest) = db
        .run(|conn| delivery::outbox_stats(conn).map_err(DbError::from))
        .await?;
    let lag_seconds = oldest.map_or(0.0, |t| {
        (crate::time::now_utc() - t).as_seconds_f64().max(0.0)
    });
    metrics::gauge!("haven_outbox_pending").set(pending as f64);
    metrics::gauge!("haven_outbox_lag_seconds").set(lag_seconds);
    Ok(OutboxStats {
        pending,
        lag_seconds,
    })
}
