//! Diesel queries of the identity tables, written once for both backends.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::{AnyConnection, select_for_update};

use crate::model::{RefreshTokenId, SecurityEventId, SessionId, UserId};
use crate::schema::{
    identity_refresh_tokens, identity_security_events, identity_sessions, identity_users,
};

/// A row of `identity_users`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_users)]
pub struct UserRow {
    /// `usr_…`.
    pub id: UserId,
    /// As given (trimmed, domain lower-cased).
    pub email: String,
    /// Lower-case; unique.
    pub email_normalized: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Optional display name.
    pub display_name: Option<String>,
    /// JSON array of role names in canonical order, read from `identity_user_roles`
    /// (see [`ROLES_JSON_SQL`]); [`insert_user`] grants them.
    #[diesel(select_expression = diesel::dsl::sql::<diesel::sql_types::Text>(ROLES_JSON_SQL))]
    #[diesel(select_expression_type = diesel::expression::SqlLiteral<diesel::sql_types::Text>)]
    #[diesel(skip_insertion)]
    pub roles: String,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
    /// IANA time-zone name, if set.
    pub time_zone: Option<String>,
    /// BCP 47 language tag, if set.
    pub locale: Option<String>,
    /// Whether the member agreed to marketing messages.
    pub marketing_consent: bool,
    /// When `marketing_consent` last changed.
    pub marketing_consent_at: Option<NaiveDateTime>,
    /// When the member proved they own the address; `None` until then.
    pub email_verified_at: Option<NaiveDateTime>,
    /// When an admin disabled the account; `None` while it is enabled.
    pub disabled_at: Option<NaiveDateTime>,
}

/// A change to a user's profile: `None` leaves a column as it is, `Some(None)` clears a
/// nullable one.
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = identity_users)]
pub struct ProfileChange {
    /// New display name.
    pub display_name: Option<Option<String>>,
    /// New time zone.
    pub time_zone: Option<Option<String>>,
    /// New locale.
    pub locale: Option<Option<String>>,
    /// New consent.
    pub marketing_consent: Option<bool>,
    /// When the consent changed.
    pub marketing_consent_at: Option<Option<NaiveDateTime>>,
    /// Now.
    pub updated_at: Option<NaiveDateTime>,
}

/// Applies `change` to the user; `false` if there is no such user.
pub fn update_profile(
    conn: &mut AnyConnection,
    user_id: UserId,
    change: &ProfileChange,
) -> QueryResult<bool> {
    diesel::update(identity_users::table.find(user_id))
        .set(change)
        .execute(conn)
        .map(|n| n > 0)
}

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

/// Inserts a user with the roles of `row.roles` (a JSON array of role names); a
/// duplicate `email_normalized` fails with a unique violation.
pub fn insert_user(conn: &mut AnyConnection, row: &UserRow) -> QueryResult<()> {
    diesel::insert_into(identity_users::table)
        .values(row)
        .execute(conn)?;
    let bad =
        |e: Box<dyn std::error::Error + Send + Sync>| diesel::result::Error::SerializationError(e);
    let roles: Vec<haven_platform::auth::Role> =
        serde_json::from_str(&row.roles).map_err(|e| bad(Box::new(e)))?;
    let id = row.id;
    insert_roles(conn, &id, &roles)
}

/// The user with the normalized email, if any.
pub fn find_user_by_email(
    conn: &mut AnyConnection,
    email_normalized: &str,
) -> QueryResult<Option<UserRow>> {
    identity_users::table
        .filter(identity_users::email_normalized.eq(email_normalized))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// The user with the id, if any.
pub fn find_user(conn: &mut AnyConnection, id: UserId) -> QueryResult<Option<UserRow>> {
    identity_users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// Replaces a user's password hash (a rehash at current parameters, or a new password).
pub fn update_password_hash(
    conn: &mut AnyConnection,
    user_id: UserId,
    password_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(identity_users::table.find(user_id))
        .set((
            identity_users::password_hash.eq(password_hash),
            identity_users::updated_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
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

mod admin;
pub use admin::{
    UserFilter, active_session_owners, count_active_sessions, like_contains, list_users,
    live_account, set_disabled_at,
};
mod email_tokens;
pub use email_tokens::{
    EmailTokenRow, claim_email_token, consume_email_tokens, delete_email_tokens_of,
    find_usable_email_token, insert_email_token, mark_email_verified,
};
mod organizations;
pub use organizations::{
    EligibilityRow, MembershipRow, OrganizationRow, active_membership_of_user,
    active_memberships_via, delete_domains, delete_eligibility, domain_allowed, domains_of,
    eligibility_by_employee_id, eligibility_has_email, eligibility_of, employee_id_in_use,
    end_memberships, find_organization, insert_domain, insert_eligibility, insert_membership,
    insert_organization, list_active_members, list_organizations, lock_organization,
    memberships_of_organization, memberships_of_user, set_eligibility_stats, update_organization,
};
mod privacy;
pub use privacy::{
    ErasureRow, ErasureStepRow, ExportRow, complete_erasure, complete_erasure_step,
    complete_export, count_erasure_attempt, delete_exports_of, erasure_steps_of, find_erasure,
    find_erasure_step, find_export, find_export_by_id, insert_erasure, insert_erasure_step,
    insert_export, lock_erasure, pending_erasure_steps, pseudonymize_user, purge_expired_exports,
    sessions_of, take_export_payload, tombstone_email, tombstone_login, touch_erasure,
};
mod roles;
pub use roles::{
    ROLES_JSON_SQL, count_enabled_admins, delete_roles, insert_roles, lock_admin_roles, lock_user,
    role_name, set_roles,
};
mod mfa;
pub use mfa::{
    MfaChallengeRow, MfaTotpRow, RecoveryCodeRow, claim_challenge_attempt, delete_mfa,
    delete_spent_challenges, enable_totp, erase_mfa, find_totp, insert_challenge, mfa_enabled,
    recovery_codes_left, replace_recovery_codes, security_event_times_since_any, set_session_amr,
    start_totp_enrollment, use_challenge, use_recovery_code, use_totp_step,
};
