//! The transactional outbox (RFC 0001 rule 3): a domain publishes an event inside its own
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

use crate::db::AnyConnection;

pub(crate) use delivery::{DELIVERY_KIND, Delivery, dispatch_batch, outbox_stats};

crate::define_id!(
    /// Identifies an event.
    EventId,
    "evt"
);

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
