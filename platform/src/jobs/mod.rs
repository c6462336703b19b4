//! The job queue: `enqueue(conn, job)` inside the caller's transaction, workers on every
//! node, at most one node running a job at a time (a lease renewed by heartbeats and
//! reclaimed when it lapses), retries with exponential backoff, a dead-letter state, and
//! recurring jobs fired once per period across all nodes. The outbox rides on it.

mod registry;
mod repo;
mod runtime;
mod stats;

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::QueryResult;
use futures_util::future::BoxFuture;
use serde::Serialize;

use crate::db::AnyConnection;

pub use registry::Registry;
pub use runtime::Runtime;
pub use stats::{QueueGroup, refresh_queue_stats};

crate::define_id!(
    /// Identifies a job.
    JobId,
    "job"
);

/// A job to enqueue.
#[derive(Debug, Clone)]
pub struct NewJob {
    kind: String,
    payload: String,
    run_at: Option<NaiveDateTime>,
    max_attempts: Option<u32>,
}

impl NewJob {
    /// A job of `kind` (e.g. `identity.send_email`) carrying `payload` as JSON.
    pub fn new(kind: &str, payload: &impl Serialize) -> Result<Self, serde_json::Error> {
        Ok(Self {
            kind: kind.to_owned(),
            payload: serde_json::to_string(payload)?,
            run_at: None,
            max_attempts: None,
        })
    }

    /// Runs no earlier than `at` (UTC); default now.
    #[must_use]
    pub fn run_at(mut self, at: NaiveDateTime) -> Self {
        self.run_at = Some(at);
        self
    }

    /// Attempts before dead-lettering; default `jobs.max_attempts`.
    #[must_use]
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = Some(attempts);
        self
    }
}

/// Adds `job` to the queue on `conn`, so it commits or rolls back with the caller's
/// transaction.
pub fn enqueue(conn: &mut AnyConnection, job: NewJob) -> QueryResult<JobId> {
    let id = JobId::new();
    repo::insert(conn, id, &job, crate::time::now_utc())?;
    Ok(id)
}

/// A claimed job, as its handler sees it.
#[derive(Debug, Clone)]
pub struct Job {
    /// The job's id.
    pub id: JobId,
    /// Its kind.
    pub kind: String,
    /// Its payload.
    pub payload: serde_json::Value,
    /// 1 on the first run, 2 on the first retry, …
    pub attempt: u32,
}

/// Runs the jobs of one kind. Runs are at-least-once: a node that dies mid-job leaves it
/// to be reclaimed, so a handler must tolerate running again after a partial run.
pub trait JobHandler: Send + Sync + 'static {
    /// The kind it runs, e.g. `identity.send_email`.
    fn kind(&self) -> &'static str;

    /// Runs one job; an error schedules a retry (or dead-letters the job).
    fn run<'a>(&'a self, job: &'a Job) -> BoxFuture<'a, anyhow::Result<()>>;
}

/// A job of `kind` enqueued once per `every` across all nodes, at period boundaries
/// (multiples of `every` since the Unix epoch). Its payload is `{"period_start": …}`.
#[derive(Debug, Clone)]
pub struct Recurring {
    /// Unique name of the schedule.
    pub name: &'static str,
    /// Period length, in whole seconds (fractions are dropped).
    pub every: Duration,
    /// Kind of the job it enqueues (a registered [`JobHandler`]).
    pub kind: &'static str,
}
