//! Erasure records, their per-module steps, and the tombstoning of the account.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, select_for_update};

use crate::accounts::repo::delete_roles;
use crate::exports::repo::delete_exports_of;
use crate::schema::{
    identity_erasure_steps, identity_erasures, identity_refresh_tokens, identity_sessions,
    identity_users,
};
use crate::sessions::repo::SessionRow;
use crate::{credentials, sessions};

/// A row of `identity_erasures`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_erasures)]
pub struct ErasureRow {
    /// The account being erased (`usr_…`, its pseudonym from then on).
    pub user_id: UserId,
    /// When the member asked.
    pub requested_at: NaiveDateTime,
    /// Last change (a step completing).
    pub updated_at: NaiveDateTime,
    /// When every module's step was complete.
    pub completed_at: Option<NaiveDateTime>,
}

/// A row of `identity_erasure_steps`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_erasure_steps)]
pub struct ErasureStepRow {
    /// The account.
    pub user_id: UserId,
    /// The module's name.
    pub module: String,
    /// Runs of the module's erase hook so far.
    pub attempts: i32,
    /// When a run succeeded.
    pub completed_at: Option<NaiveDateTime>,
    /// What the module reported (`erased`, `nothing_stored`).
    pub outcome: Option<String>,
}

/// Inserts the erasure request; a second one for the user fails with a unique violation.
pub fn insert_erasure(conn: &mut AnyConnection, row: &ErasureRow) -> QueryResult<()> {
    diesel::insert_into(identity_erasures::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The user's erasure request, if any.
pub fn find_erasure(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<Option<ErasureRow>> {
    identity_erasures::table
        .find(user_id)
        .select(ErasureRow::as_select())
        .first(conn)
        .optional()
}

/// Inserts one module's pending step.
pub fn insert_erasure_step(conn: &mut AnyConnection, row: &ErasureStepRow) -> QueryResult<()> {
    diesel::insert_into(identity_erasure_steps::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The user's steps, by module name.
pub fn erasure_steps_of(
    conn: &mut AnyConnection,
    user_id: &UserId,
) -> QueryResult<Vec<ErasureStepRow>> {
    identity_erasure_steps::table
        .filter(identity_erasure_steps::user_id.eq(user_id))
        .order(identity_erasure_steps::module.asc())
        .select(ErasureStepRow::as_select())
        .load(conn)
}

/// One step, if it exists.
pub fn find_erasure_step(
    conn: &mut AnyConnection,
    user_id: &UserId,
    module: &str,
) -> QueryResult<Option<ErasureStepRow>> {
    identity_erasure_steps::table
        .find((user_id, module))
        .select(ErasureStepRow::as_select())
        .first(conn)
        .optional()
}

/// Counts one more run of the step.
pub fn count_erasure_attempt(
    conn: &mut AnyConnection,
    user_id: &UserId,
    module: &str,
) -> QueryResult<usize> {
    diesel::update(identity_erasure_steps::table.find((user_id, module)))
        .set(identity_erasure_steps::attempts.eq(identity_erasure_steps::attempts + 1))
        .execute(conn)
}

/// Locks the user's erasure row until the transaction ends (`FOR UPDATE` on PostgreSQL;
/// SQLite's write transaction already holds the lock), so two steps completing at once
/// run one after the other and the second sees the first's step complete.
pub fn lock_erasure(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<()> {
    let query = identity_erasures::table
        .find(*user_id)
        .select(identity_erasures::user_id);
    select_for_update!(conn, query, |q, c| q.first::<UserId>(c).optional()).map(drop)
}

/// Records a change of the erasure (a step completing).
pub fn touch_erasure(
    conn: &mut AnyConnection,
    user_id: &UserId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(identity_erasures::table.find(user_id))
        .set(identity_erasures::updated_at.eq(now))
        .execute(conn)
}

/// Marks the step complete; 0 if it already was.
pub fn complete_erasure_step(
    conn: &mut AnyConnection,
    user_id: &UserId,
    module: &str,
    outcome: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        identity_erasure_steps::table
            .find((user_id, module))
            .filter(identity_erasure_steps::completed_at.is_null()),
    )
    .set((
        identity_erasure_steps::completed_at.eq(now),
        identity_erasure_steps::outcome.eq(outcome),
    ))
    .execute(conn)
}

/// Steps of the user not complete yet.
pub fn pending_erasure_steps(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<i64> {
    identity_erasure_steps::table
        .filter(identity_erasure_steps::user_id.eq(user_id))
        .filter(identity_erasure_steps::completed_at.is_null())
        .count()
        .get_result(conn)
}

/// Marks the erasure complete; 0 if it already was.
pub fn complete_erasure(
    conn: &mut AnyConnection,
    user_id: &UserId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        identity_erasures::table
            .find(user_id)
            .filter(identity_erasures::completed_at.is_null()),
    )
    .set(identity_erasures::completed_at.eq(now))
    .execute(conn)
}

/// Every session of the user, revoked ones included, oldest first (the export).
pub fn sessions_of(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<Vec<SessionRow>> {
    identity_sessions::table
        .filter(identity_sessions::user_id.eq(user_id))
        .order(identity_sessions::id.asc())
        .select(SessionRow::as_select())
        .load(conn)
}

/// The email an erased account gets: not an email address (so no login can name it) and
/// unique per account (so the real address is free again).
pub fn tombstone_email(user_id: &UserId) -> String {
    format!("erased:{user_id}")
}

/// Replaces the user's email by its tombstone and the password hash by `password_hash`
/// (a hash of a secret nobody knows), and disables the account: login is impossible and
/// the address can register again. Part of the erasure request's transaction, so nobody
/// logs in between the request and the erasure job.
pub fn tombstone_login(
    conn: &mut AnyConnection,
    user_id: &UserId,
    password_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let (email, hash) = (tombstone_email(user_id), password_hash);
    diesel::update(identity_users::table.find(user_id))
        .set((
            identity_users::email.eq(&email),
            identity_users::email_normalized.eq(&email),
            identity_users::password_hash.eq(hash),
            identity_users::disabled_at.eq(now),
            identity_users::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Pseudonymizes the account: tombstone credentials (see [`tombstone_login`]), every
/// personal field cleared or
/// reset, no roles; its sessions lose their device labels, networks and refresh tokens. The row and
/// its id stay, so the append-only security events remain keyed by the id, which is now
/// a pseudonym. Idempotent; `false` when there is no such account.
pub fn pseudonymize_user(
    conn: &mut AnyConnection,
    user_id: &UserId,
    password_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let (email, hash) = (tombstone_email(user_id), password_hash);
    let found = diesel::update(identity_users::table.find(user_id))
        .set((
            identity_users::email.eq(&email),
            identity_users::email_normalized.eq(&email),
            identity_users::password_hash.eq(hash),
            identity_users::display_name.eq(None::<String>),
            identity_users::time_zone.eq(None::<String>),
            identity_users::locale.eq(None::<String>),
            identity_users::marketing_consent.eq(false),
            identity_users::marketing_consent_at.eq(None::<NaiveDateTime>),
            identity_users::email_verified_at.eq(None::<NaiveDateTime>),
            identity_users::updated_at.eq(now),
        ))
        .execute(conn)?
        > 0;
    if !found {
        return Ok(false);
    }
    delete_roles(conn, user_id)?;
    diesel::update(
        identity_users::table
            .find(user_id)
            .filter(identity_users::disabled_at.is_null()),
    )
    .set(identity_users::disabled_at.eq(now))
    .execute(conn)?;
    let sessions = identity_sessions::table
        .filter(identity_sessions::user_id.eq(user_id))
        .select(identity_sessions::id);
    let session_ids: Vec<String> = sessions.load(conn)?;
    diesel::delete(
        identity_refresh_tokens::table
            .filter(identity_refresh_tokens::session_id.eq_any(&session_ids)),
    )
    .execute(conn)?;
    diesel::update(identity_sessions::table.filter(identity_sessions::user_id.eq(user_id)))
        .set((
            identity_sessions::device_label.eq(None::<String>),
            identity_sessions::ip_coarse.eq(None::<String>),
        ))
        .execute(conn)?;
    sessions::repo::revoke_sessions(conn, *user_id, sessions::repo::SessionScope::All, now)?;
    delete_exports_of(conn, user_id)?;
    credentials::repo::delete_email_tokens_of(conn, *user_id)?;
    Ok(true)
}
