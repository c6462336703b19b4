//! Queries of the admin use-cases: searching users, changing roles, disabling accounts.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::auth::Role;
use haven_platform::ids::{SessionId, UserId};

use crate::accounts;
use crate::accounts::repo::{UserRow, role_name};
use crate::schema::{identity_sessions, identity_user_roles, identity_users};

/// What an admin's user list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    /// Lower-case text the normalized email must contain.
    pub email_contains: Option<String>,
    /// A role the user must hold.
    pub role: Option<Role>,
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

/// Users matching `filter`, newest first (ids are time-ordered), after the keyset
/// position `before_id`, at most `limit` rows.
pub fn list_users(
    conn: &mut AnyConnection,
    filter: &UserFilter,
    before_id: Option<UserId>,
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
    if let Some(role) = filter.role {
        // An index range on identity_user_roles (role, user_id).
        query = query.filter(
            identity_users::id.eq_any(
                identity_user_roles::table
                    .filter(identity_user_roles::role.eq(role_name(role)))
                    .select(identity_user_roles::user_id),
            ),
        );
    }
    if let Some(before) = before_id {
        query = query.filter(identity_users::id.lt(before));
    }
    query.load(conn)
}

/// How many active (not revoked) sessions the user has.
pub fn count_active_sessions(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<i64> {
    identity_sessions::table
        .filter(identity_sessions::user_id.eq(*user_id))
        .filter(identity_sessions::revoked_at.is_null())
        .count()
        .get_result(conn)
}

/// The owner of every active session of the users `user_ids`, one entry per session
/// (for counting them in one query).
pub fn active_session_owners(
    conn: &mut AnyConnection,
    user_ids: &[UserId],
) -> QueryResult<Vec<UserId>> {
    identity_sessions::table
        .filter(identity_sessions::user_id.eq_any(user_ids))
        .filter(identity_sessions::revoked_at.is_null())
        .select(identity_sessions::user_id)
        .load(conn)
}

/// Sets (`Some`) or clears (`None`) the user's `disabled_at`; returns whether the user
/// exists.
pub fn set_disabled_at(
    conn: &mut AnyConnection,
    user_id: &UserId,
    disabled_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(identity_users::table.find(*user_id))
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
    user_id: &UserId,
    session_id: &SessionId,
) -> QueryResult<Option<(Option<NaiveDateTime>, String, bool)>> {
    let session_active = diesel::dsl::exists(
        identity_sessions::table
            .filter(identity_sessions::id.eq(*session_id))
            .filter(identity_sessions::user_id.eq(*user_id))
            .filter(identity_sessions::revoked_at.is_null()),
    );
    identity_users::table
        .find(*user_id)
        .select((
            identity_users::disabled_at,
            accounts::repo::RolesJson,
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
    }
}
