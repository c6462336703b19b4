//! Queries of `identity_user_roles`, the only place roles are stored: one row per
//! (user, role), indexed by role, so "the admins" is an index lookup.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::auth::Role;
use haven_platform::{AnyConnection, each_backend, select_for_update};

use crate::model::UserId;
use crate::schema::{identity_user_roles, identity_users};

/// The user's roles as a JSON array of names in canonical order (`member`, `coach`,
/// `clinician`, `admin`: the order of [`Role`]), computed from `identity_user_roles` for
/// the `identity_users` row of the enclosing query. `UserRow::roles` is selected with it,
/// so readers of a user row see the table without a second query. `string_agg` with
/// `ORDER BY` is spelled the same on PostgreSQL and SQLite (≥ 3.44, bundled).
pub const ROLES_JSON_SQL: &str = "('[' || COALESCE((SELECT string_agg('\"' || r.role || '\"', ',' \
     ORDER BY CASE r.role WHEN 'member' THEN 0 WHEN 'coach' THEN 1 WHEN 'clinician' THEN 2 \
     ELSE 3 END) FROM identity_user_roles r WHERE r.user_id = identity_users.id), '') || ']')";

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
