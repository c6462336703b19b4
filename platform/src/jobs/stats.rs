//! The queue's gauges, refreshed with the outbox's every 5 s by each node's workers:
//! `haven_jobs_queue_depth{kind,state}` (due `pending` jobs and `running` ones) and
//! `haven_jobs_queue_age_seconds{kind}` (how long the oldest due job has waited past its
//! `run_at`). Every node reports the same rows; dashboards take the max across nodes.

use std::collections::HashSet;
use std::sync::Mutex;

use chrono::NaiveDateTime;
use diesel::dsl::{count_star, min};
use diesel::prelude::*;

use crate::db::{AnyConnection, Db, DbError};
use crate::schema::platform_jobs as jobs;
use crate::time::now_utc;

/// One (kind, state) group of the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueGroup {
    /// The job kind, e.g. `platform.deliver_event`.
    pub kind: String,
    /// `pending` (due now) or `running`.
    pub state: String,
    /// How many jobs.
    pub depth: i64,
    /// For `pending`: seconds the oldest has waited past its `run_at`; else 0.
    pub age_seconds: f64,
}

/// Label sets reported before, so a kind whose queue emptied drops to 0 instead of
/// keeping its last value.
static REPORTED: Mutex<Option<HashSet<(String, String)>>> = Mutex::new(None);

/// (kind, state, how many, earliest `run_at`).
type GroupRow = (String, String, i64, Option<NaiveDateTime>);

fn groups(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<Vec<GroupRow>> {
    // Both branches use a partial index (platform_jobs_due, platform_jobs_leased).
    jobs::table
        .filter(
            jobs::state
                .eq("pending")
                .and(jobs::run_at.le(now))
                .or(jobs::state.eq("running")),
        )
        .group_by((jobs::kind, jobs::state))
        .select((jobs::kind, jobs::state, count_star(), min(jobs::run_at)))
        .load(conn)
}

/// Measures the queue and sets the gauges; returns the groups it found.
pub async fn refresh_queue_stats(db: &Db) -> Result<Vec<QueueGroup>, DbError> {
    let now = now_utc();
    let rows = db
        .run(move |conn| groups(conn, now).map_err(DbError::from))
        .await?;
    let found: Vec<QueueGroup> = rows
        .into_iter()
        .map(|(kind, state, depth, oldest)| {
            let age_seconds = match (state.as_str(), oldest) {
                ("pending", Some(run_at)) => (now - run_at).as_seconds_f64().max(0.0),
                _ => 0.0,
            };
            QueueGroup {
                kind,
                state,
                depth,
                age_seconds,
            }
        })
        .collect();
    let current: HashSet<(String, String)> = found
        .iter()
        .map(|g| (g.kind.clone(), g.state.clone()))
        .collect();
    let mut reported = REPORTED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    for (kind, state) in reported
        .get_or_insert_with(HashSet::new)
        .difference(&current)
    {
        metrics::gauge!("haven_jobs_queue_depth", "kind" => kind.clone(), "state" => state.clone())
            .set(0.0);
        if state == "pending" {
            metrics::gauge!("haven_jobs_queue_age_seconds", "kind" => kind.clone()).set(0.0);
        }
    }
    for g in &found {
        metrics::gauge!("haven_jobs_queue_depth", "kind" => g.kind.clone(), "state" => g.state.clone())
            .set(g.depth as f64);
        if g.state == "pending" {
            metrics::gauge!("haven_jobs_queue_age_seconds", "kind" => g.kind.clone())
                .set(g.age_seconds);
        }
    }
    *reported = Some(current);
    Ok(found)
}
