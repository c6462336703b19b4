//! Queries of the admin use-cases: searching users, changing roles, disabling accounts.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;

use super::UserRow;
use crate::schema::{identity_sessions, identity_users};

/// What an admin's user list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    /// Lower-case text the normalized email must contain.
    pub email_contains: Option<String>,
    /// A role name (`admin`…) the user must hold.
    pub role: Option<String>,
}

/// `text` as a LIKE pattern matching it literally anywhere: `\`, `%` and `_` are escaped
/// with `\` (the query names `\` as its ESCAPE character on both backends).
pub fn like_contains(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// The LIKE pattern that finds `role` in the JSON array of the `roles` column. Role
/// names are fixed lower-case words, so the quoted name cannot match anything else.
fn role_pattern(role: &str) -> String {
    like_contains(&format!("\"{role}\""))
}

/// Users matching `filter`, newest first (ids are time-ordered), after the keyset
/// position `before_id`, at most `limit` rows.
pub fn list_users(
    conn: &mut AnyConnection,
    filter: &UserFilter,
    before_id: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<UserRow>> {
    let mut query = identity_users::table
        .select(UserRow::as_select())
        .order(identity_users::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(text) = &filter.email_contains {
        query = query.filter(
            identity_users::email_normalized
                .like(like_contains(text))
                .escape('\\'),
        );
    }
    if let Some(role) = &filter.role {
        query = query.filter(identity_users::roles.like(role_pattern(role)).escape('\\'));
    }
    if let Some(before) = before_id {
        query = query.filter(identity_users::id.lt(before.to_owned()));
    }
    query.load(conn)
}

/// How many active (not revoked) sessions the user has.
pub fn count_active_sessions(conn: &mut AnyConnection, user_id: &str) -> QueryResult<i64> {
    identity_sessions::table
        .filter(identity_sessions::user_id.eq(user_id))
        .filter(identity_sessions::revoked_at.is_null())
        .count()
        .get_result(conn)
}

/// The owner of every active session of the users `user_ids`, one entry per session
/// (for counting them in one query).
pub fn active_session_owners(
    conn: &mut AnyConnection,
    user_ids: &[String],
) -> QueryResult<Vec<String>> {
    identity_sessions::table
        .filter(identity_sessions::user_id.eq_any(user_ids))
        .filter(identity_sessions::revoked_at.is_null())
        .select(identity_sessions::user_id)
        .load(conn)
}

/// How many enabled accounts hold the `admin` role.
pub fn count_enabled_admins(conn: &mut AnyConnection) -> QueryResult<i64> {
    identity_users::table
        .filter(
            identity_users::roles
                .like(role_pattern("admin"))
                .escape('\\'),
        )
        .filter(identity_users::disabled_at.is_null())
        .count()
        .get_result(conn)
}

/// Serializes the admin changes to roles and account state until the transaction ends,
/// so the "one enabled admin remains" check cannot be raced by a concurrent change.
/// Call it first in the transaction.
pub fn lock_admin_changes(conn: &mut AnyConnection) -> QueryResult<()> {
    match conn {
        // A transaction-scoped advisory lock on a fixed key ("idadmin" in ASCII): the
        // row-level alternative would lock every admin row and could deadlock.
        AnyConnection::Postgresql(c) => {
            diesel::sql_query("SELECT pg_advisory_xact_lock(29665242014116206)").execute(c)
        }
        // A write takes SQLite's single writer lock (waiting up to busy_timeout) before
        // the transaction reads anything, so the reads that follow see the latest state.
        AnyConnection::Sqlite(c) => {
            diesel::sql_query("UPDATE identity_users SET updated_at = updated_at WHERE 0 = 1")
                .execute(c)
        }
    }
    .map(drop)
}

/// Replaces the user's roles (a JSON array); returns whether the user exists.
pub fn set_roles(
    conn: &mut AnyConnection,
    user_id: &str,
    roles_json: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(identity_users::table.find(user_id))
        .set((
            identity_users::roles.eq(roles_json),
            identity_users::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|n| n > 0)
}

/// Sets (`Some`) or clears (`None`) the user's `disabled_at`; returns whether the user
/// exists.
pub fn set_disabled_at(
    conn: &mut AnyConnection,
    user_id: &str,
    disabled_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(identity_users::table.find(user_id))
        .set((
            identity_users::disabled_at.eq(disabled_at),
            identity_users::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|n| n > 0)
}

/// The guard's question in one statement: the account's `disabled_at` and stored roles,
/// and whether `session_id` is its active session (a primary-key lookup on each table).
pub fn live_account(
    conn: &mut AnyConnection,
    user_id: &str,
    session_id: &str,
) -> QueryResult<Option<(Option<NaiveDateTime>, String, bool)>> {
    let session_active = diesel::dsl::exists(
        identity_sessions::table
            .filter(identity_sessions::id.eq(session_id))
            .filter(identity_sessions::user_id.eq(user_id))
            .filter(identity_sessions::revoked_at.is_null()),
    );
    identity_users::table
        .find(user_id)
        .select((
            identity_users::disabled_at,
            identity_users::roles,
            session_active,
        ))
        .first(conn)
        .optional()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(like_contains("a_b%c\\d"), "%a\\_b\\%c\\\\d%");
        assert_eq!(role_pattern("admin"), "%\"admin\"%");
    }
}
