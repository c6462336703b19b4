//! Session and refresh-token rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::{SessionId, UserId};
use haven_platform::{AnyConnection, select_for_update};

use super::model::RefreshTokenId;
use crate::schema::{identity_refresh_tokens, identity_sessions};

/// A row of `identity_sessions`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_sessions)]
pub struct SessionRow {
    /// `ses_…`.
    pub id: SessionId,
    /// The user.
    pub user_id: UserId,
    /// What the client called its device.
    pub device_label: Option<String>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last login or refresh.
    pub last_used_at: NaiveDateTime,
    /// When revoked, if it was.
    pub revoked_at: Option<NaiveDateTime>,
    /// The family's HMAC key for successor refresh tokens (base64url); empty: no refresh.
    pub refresh_secret: String,
    /// The network of the last login or refresh (IPv4 /24, IPv6 /48), if known.
    pub ip_coarse: Option<String>,
    /// JSON array of the login's authentication methods (RFC 8176), e.g. `["pwd","otp"]`.
    pub amr: String,
}

/// A row of `identity_refresh_tokens`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_refresh_tokens)]
pub struct RefreshTokenRow {
    /// `rft_…`.
    pub id: RefreshTokenId,
    /// The session (token family).
    pub session_id: SessionId,
    /// SHA-256 (hex) of the token.
    pub token_hash: String,
    /// Issued.
    pub created_at: NaiveDateTime,
    /// Absolute expiry.
    pub expires_at: NaiveDateTime,
    /// When it was exchanged, if it was.
    pub used_at: Option<NaiveDateTime>,
}

/// Inserts a session.
pub fn insert_session(conn: &mut AnyConnection, row: &SessionRow) -> QueryResult<()> {
    diesel::insert_into(identity_sessions::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// Inserts a refresh token.
pub fn insert_refresh_token(conn: &mut AnyConnection, row: &RefreshTokenRow) -> QueryResult<()> {
    diesel::insert_into(identity_refresh_tokens::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// Which of a user's sessions [`revoke_sessions`] ends.
#[derive(Debug, Clone, Copy)]
pub enum SessionScope {
    /// Every active session.
    All,
    /// Every active session but this one (the caller's).
    AllBut(SessionId),
    /// This one session.
    Only(SessionId),
}

/// Revokes the user's active sessions in `scope`; returns the ids it revoked (already
/// revoked sessions are left as they are and not returned).
pub fn revoke_sessions(
    conn: &mut AnyConnection,
    user_id: UserId,
    scope: SessionScope,
    now: NaiveDateTime,
) -> QueryResult<Vec<SessionId>> {
    let mut active = identity_sessions::table
        .filter(identity_sessions::user_id.eq(user_id))
        .filter(identity_sessions::revoked_at.is_null())
        .select(identity_sessions::id)
        .into_boxed();
    active = match scope {
        SessionScope::All => active,
        SessionScope::AllBut(keep) => active.filter(identity_sessions::id.ne(keep)),
        SessionScope::Only(id) => active.filter(identity_sessions::id.eq(id)),
    };
    let ids: Vec<SessionId> = active.load(conn)?;
    diesel::update(identity_sessions::table.filter(identity_sessions::id.eq_any(&ids)))
        .filter(identity_sessions::revoked_at.is_null())
        .set(identity_sessions::revoked_at.eq(now))
        .execute(conn)?;
    Ok(ids)
}

/// Whether the session exists and belongs to the user (revoked or not).
pub fn session_of_user_exists(
    conn: &mut AnyConnection,
    user_id: UserId,
    session_id: SessionId,
) -> QueryResult<bool> {
    identity_sessions::table
        .filter(identity_sessions::id.eq(session_id))
        .filter(identity_sessions::user_id.eq(user_id))
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

/// The user's active (not revoked) sessions, newest first, after the keyset position
/// `before_id` (ids are time-ordered), at most `limit` rows.
pub fn list_active_sessions(
    conn: &mut AnyConnection,
    user_id: UserId,
    before_id: Option<SessionId>,
    limit: i64,
) -> QueryResult<Vec<SessionRow>> {
    let mut query = identity_sessions::table
        .filter(identity_sessions::user_id.eq(user_id))
        .filter(identity_sessions::revoked_at.is_null())
        .select(SessionRow::as_select())
        .order(identity_sessions::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before_id {
        query = query.filter(identity_sessions::id.lt(before));
    }
    query.load(conn)
}

/// The refresh token with `token_hash`, its row locked until the transaction ends (see
/// `select_for_update!`): concurrent refreshes of one token take turns, and each sees
/// what the one before it wrote.
pub fn lock_refresh_token(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> QueryResult<Option<RefreshTokenRow>> {
    select_for_update!(
        conn,
        identity_refresh_tokens::table
            .filter(identity_refresh_tokens::token_hash.eq(token_hash))
            .select(RefreshTokenRow::as_select()),
        |q, c| q.first(c).optional()
    )
}

/// Marks the refresh token used.
pub fn mark_refresh_token_used(
    conn: &mut AnyConnection,
    id: RefreshTokenId,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(identity_refresh_tokens::table.find(id))
        .set(identity_refresh_tokens::used_at.eq(now))
        .execute(conn)
        .map(drop)
}

/// The refresh token with `token_hash`, if any.
pub fn find_refresh_token(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> QueryResult<Option<RefreshTokenRow>> {
    identity_refresh_tokens::table
        .filter(identity_refresh_tokens::token_hash.eq(token_hash))
        .select(RefreshTokenRow::as_select())
        .first(conn)
        .optional()
}

/// The session with the id, if any.
pub fn find_session(conn: &mut AnyConnection, id: SessionId) -> QueryResult<Option<SessionRow>> {
    identity_sessions::table
        .find(id)
        .select(SessionRow::as_select())
        .first(conn)
        .optional()
}

/// Records a use of the session.
pub fn touch_session(
    conn: &mut AnyConnection,
    id: SessionId,
    now: NaiveDateTime,
    ip_coarse: Option<&str>,
) -> QueryResult<()> {
    diesel::update(identity_sessions::table.find(id))
        .set((
            identity_sessions::last_used_at.eq(now),
            identity_sessions::ip_coarse.eq(ip_coarse),
        ))
        .execute(conn)
        .map(drop)
}

/// Revokes a session whoever owns it (refresh-token reuse revokes the family).
pub fn revoke_family(
    conn: &mut AnyConnection,
    id: SessionId,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        identity_sessions::table
            .find(id)
            .filter(identity_sessions::revoked_at.is_null()),
    )
    .set(identity_sessions::revoked_at.eq(now))
    .execute(conn)
    .map(drop)
}
