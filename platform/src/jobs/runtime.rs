//! The workers every node runs: a poll loop (recurring schedules, outbox fan-out, job
//! claims), a heartbeat that renews this node's leases, and a stats loop for the outbox
//! gauges. Stopping waits for in-flight jobs; a job cut off by a crash or the grace period
//! is reclaimed by another node once its lease lapses.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime};
use futures_util::FutureExt;
use tokio::sync::{Notify, Semaphore, watch};
use tokio::task::JoinHandle;

use super::repo::{self, Claimed};
use super::{Job, JobHandler, NewJob, Recurring, Registry};
use crate::config::JobSettings;
use crate::db::{AnyConnection, Db, DbError};
use crate::outbox::{DELIVERY_KIND, Delivery, dispatch_batch, refresh_stats};
use crate::time::now_utc;

/// Kind and schedule of the purge of finished jobs.
const PURGE_JOBS: &str = "platform.purge_finished_jobs";
/// Kind and schedule of the purge of old outbox events and handled records.
const PURGE_OUTBOX: &str = "platform.purge_outbox";
/// Kind and schedule of the purge of expired idempotency keys.
const PURGE_IDEMPOTENCY: &str = "platform.purge_idempotency_keys";
/// Kind and schedule of the purge of expired rate-limit buckets.
const PURGE_RATE_LIMITS: &str = "platform.purge_rate_limit_buckets";
/// Finished jobs are kept this long for inspection.
const FINISHED_RETENTION: chrono::Duration = chrono::Duration::days(7);

/// A running set of workers; stop it with [`Runtime::shutdown`].
pub struct Runtime {
    node: String,
    stop: watch::Sender<bool>,
    main: JoinHandle<()>,
    background: Vec<JoinHandle<()>>,
    permits: Arc<Semaphore>,
    concurrency: u32,
}

impl std::fmt::Debug for Runtime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runtime")
            .field("node", &self.node)
            .finish_non_exhaustive()
    }
}

struct Worker {
    db: Db,
    settings: JobSettings,
    registry: Arc<Registry>,
    delivery: Arc<dyn JobHandler>,
    node: String,
    permits: Arc<Semaphore>,
    wake: Arc<Notify>,
    /// Jobs this node is running (id → runs of it here); only their leases are renewed.
    in_flight: Mutex<HashMap<String, usize>>,
}

/// Counts a job as running on this node until dropped, even if its task panics.
struct InFlight {
    worker: Arc<Worker>,
    id: String,
}

impl InFlight {
    fn new(worker: Arc<Worker>, id: String) -> Self {
        *worker.in_flight().entry(id.clone()).or_default() += 1;
        Self { worker, id }
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut in_flight = self.worker.in_flight();
        if let Some(runs) = in_flight.get_mut(&self.id) {
            *runs -= 1;
            if *runs == 0 {
                in_flight.remove(&self.id);
            }
        }
    }
}

/// A maintenance query: delete what expired before `now`.
type PurgeFn = fn(&mut AnyConnection, NaiveDateTime) -> diesel::QueryResult<usize>;

/// Deletes rows older than a retention period; the platform's maintenance jobs.
struct Purge {
    kind: &'static str,
    db: Db,
    purge: PurgeFn,
}

impl JobHandler for Purge {
    fn kind(&self) -> &'static str {
        self.kind
    }

    fn run<'a>(&'a self, _job: &'a Job) -> futures_util::future::BoxFuture<'a, anyhow::Result<()>> {
        let purge = self.purge;
        Box::pin(async move {
            let deleted = self
                .db
                .run(move |conn| purge(conn, now_utc()).map_err(DbError::from))
                .await?;
            tracing::info!(kind = self.kind, deleted, "purged expired rows");
            Ok(())
        })
    }
}

fn purge_finished(conn: &mut AnyConnection, now: NaiveDateTime) -> diesel::QueryResult<usize> {
    repo::purge_finished(conn, now - FINISHED_RETENTION)
}

impl Runtime {
    /// Starts this node's workers for `registry` (the mounted modules' handlers), plus
    /// the platform's own: event delivery and the purge of finished jobs.
    pub fn start(db: Db, settings: JobSettings, mut registry: Registry) -> Self {
        let hour = Duration::from_secs(3600);
        let day = Duration::from_secs(24 * 3600);
        let purges: [(&'static str, Duration, PurgeFn); 4] = [
            (PURGE_JOBS, day, purge_finished),
            (PURGE_OUTBOX, day, crate::outbox::purge_finished),
            (PURGE_IDEMPOTENCY, hour, crate::idempotency::purge_expired),
            (PURGE_RATE_LIMITS, hour, crate::ratelimit::purge_expired),
        ];
        for (kind, every, purge) in purges {
            registry.add_job(Arc::new(Purge {
                kind,
                db: db.clone(),
                purge,
            }));
            registry.add_recurring(Recurring {
                name: kind,
                every,
                kind,
            });
        }
        let registry = Arc::new(registry);
        let delivery: Arc<dyn JobHandler> = Arc::new(Delivery {
            db: db.clone(),
            registry: Arc::clone(&registry),
        });
        let node = format!("{}", crate::nodes::NodeId::new());
        let concurrency = settings.concurrency;
        let permits = Arc::new(Semaphore::new(concurrency as usize));
        let (stop, stop_rx) = watch::channel(false);
        let worker = Arc::new(Worker {
            db,
            settings,
            registry,
            delivery,
            node: node.clone(),
            permits: Arc::clone(&permits),
            wake: Arc::new(Notify::new()),
            in_flight: Mutex::default(),
        });
        let main = tokio::spawn(Arc::clone(&worker).poll_loop(stop_rx.clone()));
        let background = vec![
            tokio::spawn(Arc::clone(&worker).heartbeat_loop()),
            tokio::spawn(Arc::clone(&worker).stats_loop()),
        ];
        tracing::info!(node = %node, concurrency, "job workers started");
        Self {
            node,
            stop,
            main,
            background,
            permits,
            concurrency,
        }
    }

    /// This node's lease owner id (`locked_by`).
    pub fn node(&self) -> &str {
        &self.node
    }

    /// Stops claiming, waits up to `grace` for running jobs, then stops the heartbeat.
    pub async fn shutdown(self, grace: Duration) {
        let _ = self.stop.send(true);
        let _ = self.main.await;
        let drained =
            tokio::time::timeout(grace, self.permits.acquire_many(self.concurrency)).await;
        if drained.is_err() {
            tracing::warn!("jobs still running after the grace period; their leases will lapse");
        }
        for task in self.background {
            task.abort();
        }
        tracing::info!(node = %self.node, "job workers stopped");
    }

    /// Kills the workers at once, as a crash would: running jobs keep their leases until
    /// they lapse. For tests of reclaiming.
    pub fn abort(self) {
        self.main.abort();
        for task in self.background {
            task.abort();
        }
    }
}

fn period_start(now: NaiveDateTime, every: Duration) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let every = i64::try_from(every.as_secs().max(1)).ok()?;
    let secs = now.and_utc().timestamp();
    let start = secs - secs.rem_euclid(every);
    let at = |s: i64| DateTime::from_timestamp(s, 0).map(|d| d.naive_utc());
    Some((at(start)?, at(start + every)?))
}

/// Delay before retry `attempt` (1-based): base × 2^(attempt-1), capped, with up to 10 %
/// jitter so retries of a failed batch spread out.
fn backoff(settings: &JobSettings, attempt: u32) -> Duration {
    let exp = settings
        .backoff_base_ms
        .saturating_mul(1u64 << attempt.saturating_sub(1).min(32));
    let capped = exp.min(settings.backoff_max_ms);
    let jitter = (uuid::Uuid::new_v4().as_u128() % u128::from(capped / 10 + 1)) as u64;
    Duration::from_millis(capped + jitter)
}

impl Worker {
    fn in_flight(&self) -> std::sync::MutexGuard<'_, HashMap<String, usize>> {
        self.in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    async fn poll_loop(self: Arc<Self>, mut stop: watch::Receiver<bool>) {
        let mut next_fire: HashMap<&'static str, NaiveDateTime> = HashMap::new();
        let poll = Duration::from_millis(self.settings.poll_interval_ms);
        while !*stop.borrow() {
            self.fire_recurring(&mut next_fire).await;
            let mut busy = self.dispatch_events().await;
            busy |= self.claim_jobs().await;
            if !busy {
                tokio::select! {
                    _ = stop.changed() => {}
                    () = tokio::time::sleep(poll) => {}
                    () = self.wake.notified() => {}
                }
            }
        }
    }

    async fn fire_recurring(&self, next_fire: &mut HashMap<&'static str, NaiveDateTime>) {
        let now = now_utc();
        for schedule in &self.registry.recurring {
            if next_fire.get(schedule.name).is_some_and(|at| now < *at) {
                continue;
            }
            let Some((start, next)) = period_start(now, schedule.every) else {
                continue;
            };
            let job =
                match NewJob::new(schedule.kind, &serde_json::json!({ "period_start": start })) {
                    Ok(job) => job,
                    Err(e) => {
                        tracing::error!(schedule = schedule.name, error = %e, "bad recurring job");
                        continue;
                    }
                };
            let name = schedule.name;
            let fired = self
                .db
                .run(move |conn| {
                    repo::fire_recurring(conn, name, &job, start, next, now).map_err(DbError::from)
                })
                .await;
            match fired {
                Ok(won) => {
                    if won {
                        tracing::info!(schedule = name, "recurring job enqueued");
                    }
                    next_fire.insert(name, next);
                }
                Err(e) => tracing::warn!(schedule = name, error = %e, "recurring job not fired"),
            }
        }
    }

    /// Fans out one batch of events; `true` when the batch was full (more may wait).
    async fn dispatch_events(&self) -> bool {
        let registry = Arc::clone(&self.registry);
        let limit = i64::from(self.settings.batch_size);
        let result = self
            .db
            .run(move |conn| {
                dispatch_batch(conn, &registry, limit, now_utc()).map_err(DbError::from)
            })
            .await;
        match result {
            Ok(n) => n as i64 == limit,
            Err(e) => {
                tracing::warn!(error = %e, "outbox dispatch failed");
                false
            }
        }
    }

    /// Claims as many jobs as there are free slots; `true` when every slot was filled.
    async fn claim_jobs(self: &Arc<Self>) -> bool {
        let free = self
            .permits
            .available_permits()
            .min(self.settings.batch_size as usize);
        if free == 0 {
            return false;
        }
        let now = now_utc();
        let lease = now + lease_length(&self.settings);
        let node = self.node.clone();
        let claimed = self
            .db
            .run(move |conn| {
                repo::claim(conn, &node, free as i64, now, lease).map_err(DbError::from)
            })
            .await;
        let claimed = match claimed {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, "claiming jobs failed");
                return false;
            }
        };
        let full = claimed.len() == free;
        for row in claimed {
            let Ok(permit) = Arc::clone(&self.permits).acquire_owned().await else {
                break;
            };
            let worker = Arc::clone(self);
            let in_flight = InFlight::new(Arc::clone(self), row.id.clone());
            tokio::spawn(async move {
                worker.run_one(row).await;
                drop(in_flight);
                drop(permit);
                worker.wake.notify_one();
            });
        }
        full
    }

    async fn run_one(&self, row: Claimed) {
        let attempt = u32::try_from(row.attempts).unwrap_or(1);
        let kind = row.kind.clone();
        let handler = if kind == DELIVERY_KIND {
            Some(Arc::clone(&self.delivery))
        } else {
            self.registry.jobs.get(kind.as_str()).cloned()
        };
        let label = handler.as_ref().map_or("unknown", |h| h.kind());
        let result = match (row.id.parse(), serde_json::from_str(&row.payload), handler) {
            (Ok(id), Ok(payload), Some(handler)) => {
                let job = Job {
                    id,
                    kind: kind.clone(),
                    payload,
                    attempt,
                };
                AssertUnwindSafe(handler.run(&job))
                    .catch_unwind()
                    .await
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("job handler panicked")))
            }
            (_, _, None) => Err(anyhow::anyhow!("no handler registered for job kind {kind}")),
            _ => Err(anyhow::anyhow!("malformed job row")),
        };
        let now = now_utc();
        let (id, node, claimed) = (row.id.clone(), self.node.clone(), row.attempts);
        // `None` on success, else the error and whether a retry is scheduled.
        let failure = match result {
            Ok(()) => None,
            Err(error) => {
                let max = match u32::try_from(row.max_attempts) {
                    Ok(m) if m > 0 => m,
                    _ => self.settings.max_attempts,
                };
                let retry_at = (attempt < max).then(|| {
                    now + chrono::Duration::from_std(backoff(&self.settings, attempt))
                        .unwrap_or_default()
                });
                Some((format!("{error:#}"), retry_at))
            }
        };
        let recorded = {
            let failure = failure.clone();
            self.db
                .run(move |conn| {
                    match failure {
                        None => repo::complete(conn, &id, &node, claimed, now),
                        Some((message, retry_at)) => {
                            repo::fail(conn, &id, &node, claimed, &message, retry_at, now)
                        }
                    }
                    .map_err(DbError::from)
                })
                .await
        };
        // Logged and counted once recorded: a run that lost its lease has no outcome.
        match (recorded, failure) {
            (Ok(true), None) => {
                metrics::counter!("haven_jobs_completed_total", "kind" => label).increment(1);
            }
            (Ok(true), Some((error, Some(_)))) => {
                tracing::warn!(job_kind = label, attempt, error = %error, "job failed; will retry");
                metrics::counter!("haven_jobs_retried_total", "kind" => label).increment(1);
            }
            (Ok(true), Some((error, None))) => {
                tracing::error!(job_kind = label, attempt, error = %error, "job dead-lettered");
                metrics::counter!("haven_jobs_dead_total", "kind" => label).increment(1);
                if kind == DELIVERY_KIND {
                    metrics::counter!("haven_outbox_dead_total").increment(1);
                }
            }
            (Ok(false), _) => tracing::warn!(
                job_kind = label,
                attempt,
                "lost the job's lease before finishing (a newer run holds it); outcome dropped"
            ),
            (Err(e), _) => {
                tracing::warn!(job_kind = label, error = %e, "could not record the job's outcome; it will be reclaimed")
            }
        }
    }

    async fn heartbeat_loop(self: Arc<Self>) {
        let every = lease_length(&self.settings) / 3;
        let mut tick = tokio::time::interval(every.to_std().unwrap_or(Duration::from_secs(1)));
        loop {
            tick.tick().await;
            // Only the jobs running here: a job whose outcome could not be recorded must
            // lapse and be reclaimed, not stay leased for as long as this node lives.
            let ids: Vec<String> = self.in_flight().keys().cloned().collect();
            if ids.is_empty() {
                continue;
            }
            let node = self.node.clone();
            let until = now_utc() + lease_length(&self.settings);
            if let Err(e) = self
                .db
                .run(move |conn| repo::heartbeat(conn, &node, &ids, until).map_err(DbError::from))
                .await
            {
                tracing::warn!(error = %e, "job lease heartbeat failed");
            }
        }
    }

    async fn stats_loop(self: Arc<Self>) {
        let mut tick = tokio::time::interval(Duration::from_secs(5));
        loop {
            tick.tick().await;
            if let Err(e) = refresh_stats(&self.db).await {
                tracing::debug!(error = %e, "outbox stats unavailable");
            }
            if let Err(e) = super::refresh_queue_stats(&self.db).await {
                tracing::debug!(error = %e, "job queue stats unavailable");
            }
        }
    }
}

fn lease_length(settings: &JobSettings) -> chrono::Duration {
    chrono::Duration::milliseconds(
        i64::try_from(settings.visibility_timeout_ms).unwrap_or(i64::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_align_to_the_epoch() {
        let now = DateTime::from_timestamp(3_725, 0).unwrap().naive_utc();
        let (start, next) = period_start(now, Duration::from_secs(3600)).unwrap();
        assert_eq!(start.and_utc().timestamp(), 3_600);
        assert_eq!(next.and_utc().timestamp(), 7_200);
    }

    #[test]
    fn backoff_doubles_and_caps() {
        let s = JobSettings {
            backoff_base_ms: 100,
            backoff_max_ms: 1_000,
            ..JobSettings::default()
        };
        let ms = |a| backoff(&s, a).as_millis();
        assert!((100..=110).contains(&ms(1)));
        assert!((200..=220).contains(&ms(2)));
        assert!((400..=440).contains(&ms(3)));
        assert!((1_000..=1_100).contains(&ms(10)));
        assert!((1_000..=1_100).contains(&ms(100)));
    }
}
