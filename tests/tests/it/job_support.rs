//! Shared helpers of the job-queue, outbox and multi-node tests: closure-backed handlers,
//! typed reads of the platform tables, metric lookups and a bounded `eventually`.

use std::sync::Arc;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use futures_util::future::BoxFuture;
use haven_platform::config::JobSettings;
use haven_platform::jobs::{Job, JobHandler};
use haven_platform::outbox::{Event, EventHandler};
use haven_platform::{Db, DbError};

pub use haven_platform::schema::{platform_event_handled, platform_jobs, platform_outbox_events};

/// Job settings small enough for tests: fast polls, short leases, short backoff.
pub fn fast(jobs: &mut JobSettings) {
    jobs.poll_interval_ms = 20;
    jobs.batch_size = 16;
    jobs.concurrency = 4;
    jobs.visibility_timeout_ms = 600;
    jobs.max_attempts = 3;
    jobs.backoff_base_ms = 20;
    jobs.backoff_max_ms = 100;
}

/// A job handler backed by a closure.
pub struct FnJob<F> {
    kind: &'static str,
    f: F,
}

impl<F> JobHandler for FnJob<F>
where
    F: Fn(Job) -> BoxFuture<'static, anyhow::Result<()>> + Send + Sync + 'static,
{
    fn kind(&self) -> &'static str {
        self.kind
    }

    fn run<'a>(&'a self, job: &'a Job) -> BoxFuture<'a, anyhow::Result<()>> {
        (self.f)(job.clone())
    }
}

/// A job handler of `kind` that runs `f`.
pub fn job_handler<F>(kind: &'static str, f: F) -> Arc<dyn JobHandler>
where
    F: Fn(Job) -> BoxFuture<'static, anyhow::Result<()>> + Send + Sync + 'static,
{
    Arc::new(FnJob { kind, f })
}

/// An event handler backed by a closure.
pub struct FnEvents<F> {
    name: &'static str,
    types: Vec<&'static str>,
    f: F,
}

impl<F> EventHandler for FnEvents<F>
where
    F: Fn(Event) -> BoxFuture<'static, anyhow::Result<()>> + Send + Sync + 'static,
{
    fn name(&self) -> &'static str {
        self.name
    }

    fn event_types(&self) -> Vec<&'static str> {
        self.types.clone()
    }

    fn handle<'a>(&'a self, event: &'a Event) -> BoxFuture<'a, anyhow::Result<()>> {
        (self.f)(event.clone())
    }
}

/// An event handler named `name`, subscribed to `types`, that runs `f`.
pub fn event_handler<F>(name: &'static str, types: &[&'static str], f: F) -> Arc<dyn EventHandler>
where
    F: Fn(Event) -> BoxFuture<'static, anyhow::Result<()>> + Send + Sync + 'static,
{
    Arc::new(FnEvents {
        name,
        types: types.to_vec(),
        f,
    })
}

/// One row of `platform_jobs`.
#[derive(Debug, Clone, Queryable)]
#[allow(dead_code)] // Not every test reads every column.
pub struct JobRow {
    pub id: String,
    pub kind: String,
    pub payload: String,
    pub state: String,
    pub run_at: NaiveDateTime,
    pub attempts: i32,
    pub max_attempts: i32,
    pub locked_by: Option<String>,
    pub locked_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
}

/// The job row with `id`, if any.
pub async fn job_row(db: &Db, id: impl ToString) -> Option<JobRow> {
    let id = id.to_string();
    db.run(move |conn| {
        platform_jobs::table
            .filter(platform_jobs::id.eq(id))
            .first::<JobRow>(conn)
            .optional()
            .map_err(DbError::from)
    })
    .await
    .unwrap()
}

/// Every job row of `kind`.
pub async fn jobs_of_kind(db: &Db, kind: &'static str) -> Vec<JobRow> {
    db.run(move |conn| {
        platform_jobs::table
            .filter(platform_jobs::kind.eq(kind))
            .order(platform_jobs::id)
            .load::<JobRow>(conn)
            .map_err(DbError::from)
    })
    .await
    .unwrap()
}

/// Whether the job `id` reached `state`.
pub async fn job_in_state(db: &Db, id: impl ToString, state: &str) -> bool {
    job_row(db, id).await.is_some_and(|r| r.state == state)
}

/// The `(handler, event_id)` rows of `platform_event_handled`, sorted.
pub async fn handled_rows(db: &Db) -> Vec<(String, String)> {
    db.run(|conn| {
        platform_event_handled::table
            .select((
                platform_event_handled::handler,
                platform_event_handled::event_id,
            ))
            .order((
                platform_event_handled::handler,
                platform_event_handled::event_id,
            ))
            .load(conn)
            .map_err(DbError::from)
    })
    .await
    .unwrap()
}

/// The value of metric `name` with exactly `labels` (as rendered, e.g.
/// `kind="x"`), or 0 when it was never recorded.
pub fn metric(name: &str, labels: &str) -> f64 {
    let rendered = haven_platform::observability::metrics::install().render();
    let series = if labels.is_empty() {
        name.to_owned()
    } else {
        format!("{name}{{{labels}}}")
    };
    rendered
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| {
            let (key, value) = l.rsplit_once(' ')?;
            (key == series).then(|| value.parse::<f64>().ok())?
        })
        .unwrap_or(0.0)
}

/// Events not yet fanned out into deliveries.
pub async fn undispatched_events(db: &Db) -> i64 {
    db.run(|conn| {
        platform_outbox_events::table
            .filter(platform_outbox_events::dispatched_at.is_null())
            .count()
            .get_result(conn)
            .map_err(DbError::from)
    })
    .await
    .unwrap()
}
