//! Security event rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::{SessionId, UserId};

use super::model::SecurityEventId;
use crate::schema::identity_security_events;

/// A row of `identity_security_events` (append-only).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_security_events)]
pub struct SecurityEventRow {
    /// `sev_…`.
    pub id: SecurityEventId,
    /// What happened, e.g. `login_failed`.
    pub kind: String,
    /// The account, when known.
    pub user_id: Option<UserId>,
    /// The session, when there is one.
    pub session_id: Option<SessionId>,
    /// When.
    pub created_at: NaiveDateTime,
    /// Who acted when it was not the account itself (an admin), else `None`.
    pub actor_id: Option<UserId>,
    /// A short, secret-free detail (e.g. the role change), if any.
    pub detail: Option<String>,
    /// What a `login_failed` counts against for the soft-lock: the user id, or a hash of
    /// an unregistered address (so unknown addresses lock too).
    pub lock_key: Option<String>,
}

/// Appends a security event.
pub fn insert_security_event(conn: &mut AnyConnection, row: &SecurityEventRow) -> QueryResult<()> {
    diesel::insert_into(identity_security_events::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The user's security events, oldest first.
pub fn security_events_of(
    conn: &mut AnyConnection,
    user_id: UserId,
) -> QueryResult<Vec<SecurityEventRow>> {
    identity_security_events::table
        .filter(identity_security_events::user_id.eq(user_id))
        .order(identity_security_events::id.asc())
        .select(SecurityEventRow::as_select())
        .load(conn)
}

/// When the user's latest event of one of `kinds` happened, if ever.
pub fn last_security_event_at(
    conn: &mut AnyConnection,
    user_id: UserId,
    kinds: &[&str],
) -> QueryResult<Option<NaiveDateTime>> {
    identity_security_events::table
        .filter(identity_security_events::user_id.eq(user_id))
        .filter(identity_security_events::kind.eq_any(kinds))
        .select(diesel::dsl::max(identity_security_events::created_at))
        .first(conn)
}

/// Times of the events of `kind` with `lock_key` after `since`, newest first, at most
/// `limit`.
pub fn security_event_times_since(
    conn: &mut AnyConnection,
    lock_key: &str,
    kind: &str,
    since: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<NaiveDateTime>> {
    identity_security_events::table
        .filter(identity_security_events::lock_key.eq(lock_key))
        .filter(identity_security_events::kind.eq(kind))
        .filter(identity_security_events::created_at.gt(since))
        .order(identity_security_events::created_at.desc())
        .limit(limit)
        .select(identity_security_events::created_at)
        .load(conn)
}

/// Times of the events of any of `kinds` with `lock_key` after `since`, newest first, at
/// most `limit` (the failures that count toward the lock: wrong passwords and codes).
pub fn security_event_times_since_any(
    conn: &mut AnyConnection,
    lock_key: &str,
    kinds: &[&str],
    since: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<NaiveDateTime>> {
    identity_security_events::table
        .filter(identity_security_events::lock_key.eq(lock_key))
        .filter(identity_security_events::kind.eq_any(kinds))
        .filter(identity_security_events::created_at.gt(since))
        .order(identity_security_events::created_at.desc())
        .limit(limit)
        .select(identity_security_events::created_at)
        .load(conn)
}
