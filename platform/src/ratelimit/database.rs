//! Counters in the `platform_rate_limits` table, shared by every node on the database.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};

use crate::db::AnyConnection;

diesel::table! {
    /// One row per (policy, hashed key, window).
    platform_rate_limits (bucket) {
        bucket -> Text,
        count -> BigInt,
        expires_at -> Timestamp,
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// Adds one to `bucket` (inserting it, to expire at `expires_at`, if it is new) and returns
/// the new count, in one atomic statement: concurrent callers on any node each see a
/// distinct count, so exactly `limit` of them see a count within the limit.
pub fn increment(
    conn: &mut AnyConnection,
    bucket: &str,
    expires_at: NaiveDateTime,
) -> QueryResult<i64> {
    // MultiConnection's DSL has no ON CONFLICT: one statement per backend.
    let row: Count = match conn {
        AnyConnection::Postgresql(c) => diesel::sql_query(
            "INSERT INTO platform_rate_limits (bucket, count, expires_at) VALUES ($1, 1, $2) \
             ON CONFLICT (bucket) DO UPDATE SET count = platform_rate_limits.count + 1 \
             RETURNING count",
        )
        .bind::<Text, _>(bucket)
        .bind::<Timestamp, _>(expires_at)
        .get_result(c)?,
        AnyConnection::Sqlite(c) => diesel::sql_query(
            "INSERT INTO platform_rate_limits (bucket, count, expires_at) VALUES (?, 1, ?) \
             ON CONFLICT (bucket) DO UPDATE SET count = platform_rate_limits.count + 1 \
             RETURNING count",
        )
        .bind::<Text, _>(bucket)
        .bind::<Timestamp, _>(expires_at)
        .get_result(c)?,
    };
    Ok(row.count)
}

/// Deletes the counters of windows that ended at or before `now`; returns how many. Run it
/// from a recurring job: counters of ended windows are never read again.
pub fn purge_expired(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(platform_rate_limits::table.filter(platform_rate_limits::expires_at.le(now)))
        .execute(conn)
}

/// How many counters are stored (for tests and diagnostics).
pub fn count_buckets(conn: &mut AnyConnection) -> QueryResult<i64> {
    platform_rate_limits::table.count().get_result(conn)
}

/// The sum of all stored counts: every request counted, allowed or not (for tests and
/// diagnostics).
pub fn total_count(conn: &mut AnyConnection) -> QueryResult<i64> {
    platform_rate_limits::table
        .select(platform_rate_limits::count)
        .load::<i64>(conn)
        .map(|counts| counts.into_iter().sum())
}
