//! Favorite rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, each_backend};

use crate::schema::content_favorites;

/// A row of `content_favorites`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = content_favorites)]
pub struct FavoriteRow {
    /// The member.
    pub user_id: UserId,
    /// `itm_…` or `crs_…`.
    pub target_id: String,
    /// `item` or `course`.
    pub target_kind: String,
    /// When it was first put.
    pub created_at: NaiveDateTime,
}

/// Adds the favorite unless present (the first `created_at` stays).
pub fn put(conn: &mut AnyConnection, row: &FavoriteRow) -> QueryResult<()> {
    each_backend!(conn, |c| diesel::insert_into(content_favorites::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(c))
    .map(drop)
}

/// Removes the favorite if present.
pub fn delete(conn: &mut AnyConnection, user: &UserId, target: &str) -> QueryResult<()> {
    diesel::delete(
        content_favorites::table
            .filter(content_favorites::user_id.eq(user))
            .filter(content_favorites::target_id.eq(target)),
    )
    .execute(conn)
    .map(drop)
}

/// The member's favorites in target-id order after `after`, at most `limit`.
pub fn page(
    conn: &mut AnyConnection,
    user: &UserId,
    after: Option<String>,
    limit: i64,
) -> QueryResult<Vec<FavoriteRow>> {
    let mut q = content_favorites::table
        .filter(content_favorites::user_id.eq(user))
        .select(FavoriteRow::as_select())
        .order(content_favorites::target_id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(content_favorites::target_id.gt(after));
    }
    q.load(conn)
}

/// Every favorite of the member, newest first.
pub fn all(conn: &mut AnyConnection, user: &UserId) -> QueryResult<Vec<FavoriteRow>> {
    content_favorites::table
        .filter(content_favorites::user_id.eq(user))
        .select(FavoriteRow::as_select())
        .order((
            content_favorites::created_at.desc(),
            content_favorites::target_id.asc(),
        ))
        .load(conn)
}

/// Deletes the member's favorites (erasure).
pub fn erase(conn: &mut AnyConnection, user: &UserId) -> QueryResult<()> {
    diesel::delete(content_favorites::table.filter(content_favorites::user_id.eq(user)))
        .execute(conn)
        .map(drop)
}
