//! The outbox's SQL.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};
use diesel::sql_query;
use diesel::sql_types::{BigInt, Text, Timestamp};

use super::{Event, EventId};
use crate::db::AnyConnection;
use crate::schema::{platform_event_handled as handled, platform_outbox_events as events};

pub(super) fn insert(
    conn: &mut AnyConnection,
    id: EventId,
    event_type: &str,
    version: i32,
    payload: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(events::table)
        .values((
            events::id.eq(id.to_string()),
            events::event_type.eq(event_type),
            events::version.eq(version),
            events::occurred_at.eq(now),
            events::payload.eq(payload),
        ))
        .execute(conn)
        .map(|_| ())
}

/// An event just marked dispatched.
#[derive(Debug, QueryableByName)]
pub(super) struct Dispatched {
    #[diesel(sql_type = Text)]
    pub id: String,
    #[diesel(sql_type = Text)]
    pub event_type: String,
}

const CLAIM_POSTGRES: &str = "\
WITH batch AS (
    SELECT id FROM platform_outbox_events
    WHERE dispatched_at IS NULL
    ORDER BY occurred_at
    LIMIT $2
    FOR UPDATE SKIP LOCKED
)
UPDATE platform_outbox_events AS e SET dispatched_at = $1
FROM batch WHERE e.id = batch.id
RETURNING e.id, e.event_type";

const CLAIM_SQLITE: &str = "\
UPDATE platform_outbox_events SET dispatched_at = ?1
WHERE id IN (
    SELECT id FROM platform_outbox_events
    WHERE dispatched_at IS NULL
    ORDER BY occurred_at
    LIMIT ?2
)
RETURNING id, event_type";

/// Marks up to `limit` undispatched events dispatched; call inside a transaction that
/// also writes their deliveries.
pub(super) fn claim(
    conn: &mut AnyConnection,
    limit: i64,
    now: NaiveDateTime,
) -> QueryResult<Vec<Dispatched>> {
    match conn {
        AnyConnection::Postgresql(c) => sql_query(CLAIM_POSTGRES)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(c),
        AnyConnection::Sqlite(c) => sql_query(CLAIM_SQLITE)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(c),
    }
}

/// The event with `id`.
pub(super) fn find(conn: &mut AnyConnection, id: &str) -> QueryResult<Option<Event>> {
    let row: Option<(String, String, i32, NaiveDateTime, String)> = events::table
        .filter(events::id.eq(id))
        .select((
            events::id,
            events::event_type,
            events::version,
            events::occurred_at,
            events::payload,
        ))
        .first(conn)
        .optional()?;
    row.map(|(id, event_type, version, occurred_at, payload)| {
        Ok(Event {
            id: id
                .parse()
                .map_err(|e| Error::DeserializationError(Box::new(e)))?,
            event_type,
            version,
            occurred_at,
            payload: serde_json::from_str(&payload)
                .map_err(|e| Error::DeserializationError(Box::new(e)))?,
        })
    })
    .transpose()
}

/// Whether `handler` already finished `event_id`.
pub(super) fn is_handled(
    conn: &mut AnyConnection,
    handler: &str,
    event_id: &str,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        handled::table
            .filter(handled::handler.eq(handler))
            .filter(handled::event_id.eq(event_id)),
    ))
    .get_result(conn)
}

/// Records that `handler` finished `event_id`; a concurrent duplicate is not an error.
pub(super) fn mark_handled(
    conn: &mut AnyConnection,
    handler: &str,
    event_id: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    match diesel::insert_into(handled::table)
        .values((
            handled::handler.eq(handler),
            handled::event_id.eq(event_id),
            handled::handled_at.eq(now),
        ))
        .execute(conn)
    {
        Ok(_) | Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Undispatched events and the oldest one's time.
pub(super) fn undispatched(conn: &mut AnyConnection) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    events::table
        .filter(events::dispatched_at.is_null())
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::min(events::occurred_at),
        ))
        .first(conn)
}

/// Deletes events dispatched before `before` and handled records older than it; by then
/// their delivery jobs are finished and purged too, so nothing can redeliver them.
pub(crate) fn purge_before(conn: &mut AnyConnection, before: NaiveDateTime) -> QueryResult<usize> {
    let events =
        diesel::delete(events::table.filter(events::dispatched_at.lt(before))).execute(conn)?;
    let records =
        diesel::delete(handled::table.filter(handled::handled_at.lt(before))).execute(conn)?;
    Ok(events + records)
}
