//! Queries of `identity_user_roles`, the only place roles are stored: one row per
//! (user, role), indexed by role, so "the admins" is an index lookup.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::auth::Role;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, each_backend, select_for_update};

use crate::schema::{identity_user_roles, identity_users};

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
    #[diesel(select_expression = RolesJson)]
    #[diesel(select_expression_type = RolesJson)]
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

/// The user's roles as a JSON array of names in canonical order (`member`, `coach`,
/// `clinician`, `admin`: the order of [`Role`]), computed from `identity_user_roles` for
/// the `identity_users` row of the enclosing query. `UserRow::roles` is selected with it,
/// so readers of a user row see the table without a second query. `string_agg` with
/// `ORDER BY` is spelled the same on PostgreSQL and SQLite (≥ 3.44, bundled).
pub const ROLES_JSON_SQL: &str = "('[' || COALESCE((SELECT string_agg('\"' || r.role || '\"', ',' \
     ORDER BY CASE r.role WHEN 'member' THEN 0 WHEN 'coach' THEN 1 WHEN 'clinician' THEN 2 \
     ELSE 3 END) FROM identity_user_roles r WHERE r.user_id = identity_users.id), '') || ']')";

/// [`ROLES_JSON_SQL`] as a diesel expression with a static query id. A raw `sql()`
/// literal is marked unsafe for the prepared-statement cache, which made every query that
/// selects a user row be prepared again on every request (17 % of the SQLite database
/// thread's samples under load, bench/run profile of `/v1/identity/me`).
#[derive(Debug, Clone, Copy, diesel::query_builder::QueryId)]
pub struct RolesJson;

impl diesel::Expression for RolesJson {
    type SqlType = diesel::sql_types::Text;
}

impl<DB: diesel::backend::Backend> diesel::query_builder::QueryFragment<DB> for RolesJson {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        out.push_sql(ROLES_JSON_SQL);
        Ok(())
    }
}

impl<GB> diesel::expression::ValidGrouping<GB> for RolesJson {
    type IsAggregate = diesel::expression::is_aggregate::Never;
}

// It reads `identity_users.id` of the enclosing query, so it belongs to that table.
impl diesel::AppearsOnTable<identity_users::table> for RolesJson {}
impl diesel::SelectableExpression<identity_users::table> for RolesJson {}

/// The stored (and wire) name of a role.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Member => "member",
        Role::Coach => "coach",
        Role::Clinician => "clinician",
        Role::Admin => "admin",
    }
}

/// Grants `roles` to the user (one multi-row insert); a role already held is a unique
/// violation.
pub fn insert_roles(conn: &mut AnyConnection, user_id: &UserId, roles: &[Role]) -> QueryResult<()> {
    if roles.is_empty() {
        return Ok(());
    }
    let rows: Vec<_> = roles
        .iter()
        .map(|r| {
            (
                identity_user_roles::user_id.eq(*user_id),
                identity_user_roles::role.eq(role_name(*r)),
            )
        })
        .collect();
    each_backend!(conn, |c| diesel::insert_into(identity_user_roles::table)
        .values(&rows)
        .execute(c))
    .map(drop)
}

/// Takes every role from the user.
pub fn delete_roles(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<()> {
    diesel::delete(identity_user_roles::table.filter(identity_user_roles::user_id.eq(*user_id)))
        .execute(conn)
        .map(drop)
}

/// Replaces the user's roles and touches `updated_at`; returns whether the user exists.
pub fn set_roles(
    conn: &mut AnyConnection,
    user_id: &UserId,
    roles: &[Role],
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let exists = diesel::update(identity_users::table.find(*user_id))
        .set(identity_users::updated_at.eq(now))
        .execute(conn)?
        > 0;
    if exists {
        delete_roles(conn, user_id)?;
        insert_roles(conn, user_id, roles)?;
    }
    Ok(exists)
}

/// How many enabled accounts hold the `admin` role.
pub fn count_enabled_admins(conn: &mut AnyConnection) -> QueryResult<i64> {
    identity_user_roles::table
        .inner_join(identity_users::table)
        .filter(identity_user_roles::role.eq(role_name(Role::Admin)))
        .filter(identity_users::disabled_at.is_null())
        .count()
        .get_result(conn)
}

/// Locks every `admin` role row, in user-id order, until the transaction ends, so two
/// changes that could each take away an enabled admin run one after the other and the
/// second counts what the first left (`FOR UPDATE` on PostgreSQL; on SQLite
/// [`Db::write`](haven_platform::Db::write) already holds the write lock). Locking in
/// one order means two such transactions cannot deadlock on these rows.
pub fn lock_admin_roles(conn: &mut AnyConnection) -> QueryResult<()> {
    let query = identity_user_roles::table
        .filter(identity_user_roles::role.eq(role_name(Role::Admin)))
        .order(identity_user_roles::user_id.asc())
        .select(identity_user_roles::user_id);
    select_for_update!(conn, query, |q, c| q.load::<UserId>(c)).map(drop)
}

/// Locks the user's row until the transaction ends (see [`lock_admin_roles`]), so
/// concurrent changes to one account run one after the other; whether it exists.
pub fn lock_user(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<bool> {
    let query = identity_users::table
        .find(*user_id)
        .select(identity_users::id);
    select_for_update!(conn, query, |q, c| q.first::<UserId>(c).optional()).map(|r| r.is_some())
}
