//! The catalog version row.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;

use crate::schema::content_catalog_version as v;

/// The current catalog version.
pub fn version(conn: &mut AnyConnection) -> QueryResult<i64> {
    v::table.find(1).select(v::version).first(conn)
}

/// Bumps the version inside the caller's write (every node rebuilds its snapshot on
/// seeing it move); the new version. The row lock also serializes concurrent publishes.
pub fn bump(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<i64> {
    diesel::update(v::table.find(1))
        .set((v::version.eq(v::version + 1), v::changed_at.eq(now)))
        .execute(conn)?;
    version(conn)
}
