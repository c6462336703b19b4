//! The job queue's SQL. Claims are single statements: `FOR UPDATE SKIP LOCKED` on
//! PostgreSQL (N nodes never take one job twice), an `UPDATE … RETURNING` on SQLite,
//! whose single writer serializes claims.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_query;
use diesel::sql_types::{BigInt, Integer, Text, Timestamp};

use super::{JobId, NewJob};
use crate::db::AnyConnection;
use crate::schema::{platform_jobs as jobs, platform_recurring_jobs as recurring};

pub(super) fn insert(
    conn: &mut AnyConnection,
    id: JobId,
    job: &NewJob,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let max_attempts = job
        .max_attempts
        .map_or(0, |a| i32::try_from(a).unwrap_or(i32::MAX));
    diesel::insert_into(jobs::table)
        .values((
            jobs::id.eq(id.to_string()),
            jobs::kind.eq(&job.kind),
            jobs::payload.eq(&job.payload),
            jobs::state.eq("pending"),
            jobs::run_at.eq(job.run_at.unwrap_or(now)),
            jobs::attempts.eq(0),
            jobs::max_attempts.eq(max_attempts),
            jobs::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A job this node now holds the lease of.
#[derive(Debug, QueryableByName)]
pub(super) struct Claimed {
    #[diesel(sql_type = Text)]
    pub id: String,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Text)]
    pub payload: String,
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
    #[diesel(sql_type = Integer)]
    pub max_attempts: i32,
}

const CLAIM_POSTGRES: &str = "\
WITH due AS (
    SELECT id FROM platform_jobs
    WHERE (state = 'pending' AND run_at <= $3) OR (state = 'running' AND locked_until < $3)
    ORDER BY run_at
    LIMIT $4
    FOR UPDATE SKIP LOCKED
)
UPDATE platform_jobs AS j
SET state = 'running', locked_by = $1, locked_until = $2, attempts = j.attempts + 1
FROM due WHERE j.id = due.id
RETURNING j.id, j.kind, j.payload, j.attempts, j.max_attempts";

const CLAIM_SQLITE: &str = "\
UPDATE platform_jobs
SET state = 'running', locked_by = ?1, locked_until = ?2, attempts = attempts + 1
WHERE id IN (
    SELECT id FROM platform_jobs
    WHERE (state = 'pending' AND run_at <= ?3) OR (state = 'running' AND locked_until < ?3)
    ORDER BY run_at
    LIMIT ?4
)
RETURNING id, kind, payload, attempts, max_attempts";

/// Leases up to `limit` due jobs (or jobs whose lease lapsed) to `node` until `lease_until`.
pub(super) fn claim(
    conn: &mut AnyConnection,
    node: &str,
    limit: i64,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
) -> QueryResult<Vec<Claimed>> {
    macro_rules! run {
        ($sql:expr, $c:expr) => {
            sql_query($sql)
                .bind::<Text, _>(node)
                .bind::<Timestamp, _>(lease_until)
                .bind::<Timestamp, _>(now)
                .bind::<BigInt, _>(limit)
                .load($c)
        };
    }
    match conn {
        AnyConnection::Postgresql(c) => run!(CLAIM_POSTGRES, c),
        AnyConnection::Sqlite(c) => run!(CLAIM_SQLITE, c),
    }
}

/// The job `id` while `node` holds the lease of its attempt number `attempt`. The attempt
/// fences a stale run: a node whose lease lapsed may reclaim its own job, and the older
/// run must not then record an outcome over the newer one.
#[diesel::dsl::auto_type]
fn leased_by<'a>(id: &'a str, node: &'a str, attempt: i32) -> _ {
    let running: &'static str = "running";
    jobs::table
        .filter(jobs::id.eq(id))
        .filter(jobs::locked_by.eq(node))
        .filter(jobs::attempts.eq(attempt))
        .filter(jobs::state.eq(running))
}

/// Marks a job done; `false` when this attempt no longer held its lease.
pub(super) fn complete(
    conn: &mut AnyConnection,
    id: &str,
    node: &str,
    attempt: i32,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(leased_by(id, node, attempt))
        .set((
            jobs::state.eq("done"),
            jobs::finished_at.eq(Some(now)),
            jobs::locked_by.eq(None::<String>),
            jobs::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

/// Schedules a retry at `retry_at`, or dead-letters the job when `retry_at` is `None`;
/// `false` when this attempt no longer held its lease.
pub(super) fn fail(
    conn: &mut AnyConnection,
    id: &str,
    node: &str,
    attempt: i32,
    error: &str,
    retry_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let (state, run_at, finished_at) = match retry_at {
        Some(at) => ("pending", at, None),
        None => ("dead", now, Some(now)),
    };
    diesel::update(leased_by(id, node, attempt))
        .set((
            jobs::state.eq(state),
            jobs::run_at.eq(run_at),
            jobs::finished_at.eq(finished_at),
            jobs::last_error.eq(Some(error)),
            jobs::locked_by.eq(None::<String>),
            jobs::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

/// Extends the leases `node` holds on the jobs `ids` it is running.
pub(super) fn heartbeat(
    conn: &mut AnyConnection,
    node: &str,
    ids: &[String],
    lease_until: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        jobs::table
            .filter(jobs::id.eq_any(ids))
            .filter(jobs::locked_by.eq(node))
            .filter(jobs::state.eq("running")),
    )
    .set(jobs::locked_until.eq(Some(lease_until)))
    .execute(conn)
}

/// Deletes finished jobs older than `before`.
pub(super) fn purge_finished(
    conn: &mut AnyConnection,
    before: NaiveDateTime,
) -> QueryResult<usize> {
    // The states as SQL literals, not bound values: SQLite matches the partial index
    // `platform_jobs_finished` only through literals (docs/adr/0007).
    diesel::delete(
        jobs::table
            .filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
                "state IN ('done', 'dead')",
            ))
            .filter(jobs::finished_at.lt(before)),
    )
    .execute(conn)
}

/// Fires the period starting at `period_start` of schedule `name` if no node did:
/// a compare-and-set on `next_run_at`, with the job enqueued in the same transaction.
pub(super) fn fire_recurring(
    conn: &mut AnyConnection,
    name: &str,
    job: &NewJob,
    period_start: NaiveDateTime,
    next_period: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        match conn {
            AnyConnection::Postgresql(c) => sql_query(
                "INSERT INTO platform_recurring_jobs (name, next_run_at) VALUES ($1, $2) \
                 ON CONFLICT (name) DO NOTHING",
            )
            .bind::<Text, _>(name)
            .bind::<Timestamp, _>(period_start)
            .execute(c)?,
            AnyConnection::Sqlite(c) => sql_query(
                "INSERT INTO platform_recurring_jobs (name, next_run_at) VALUES (?1, ?2) \
                 ON CONFLICT (name) DO NOTHING",
            )
            .bind::<Text, _>(name)
            .bind::<Timestamp, _>(period_start)
            .execute(c)?,
        };
        let won = diesel::update(
            recurring::table
                .filter(recurring::name.eq(name))
                .filter(recurring::next_run_at.le(period_start)),
        )
        .set(recurring::next_run_at.eq(next_period))
        .execute(conn)?
            == 1;
        if won {
            insert(conn, JobId::new(), job, now)?;
        }
        Ok(won)
    })
}
