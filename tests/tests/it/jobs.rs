//! The job queue on one node: transactional enqueue, retries with backoff, dead letters,
//! panics, unknown kinds, delayed jobs, recurring jobs and graceful shutdown. Every test
//! checks the final rows of `platform_jobs`, on SQLite and (when configured) PostgreSQL.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use futures_util::FutureExt;
use haven_platform::jobs::{self, Job, JobHandler, JobId, NewJob, Recurring, Registry, Runtime};
use haven_platform::testing::{TestApp, wait_until};
use haven_platform::time::now_utc;
use haven_platform::{Db, DbError};
use tokio::sync::Notify;

use crate::job_support::{fast, job_handler, job_in_state, job_row, jobs_of_kind, metric};

const WAIT: Duration = Duration::from_secs(15);

diesel::table! {
    platform_recurring_jobs (name) {
        name -> Text,
        next_run_at -> Timestamp,
    }
}

async fn app() -> TestApp {
    app_with(|_| {}).await
}

async fn app_with(f: impl FnOnce(&mut haven_platform::config::JobSettings)) -> TestApp {
    // Counters recorded before the recorder is installed would be lost.
    haven_platform::observability::metrics::install();
    haven_app::testing::builder()
        .settings(|s| {
            fast(&mut s.jobs);
            f(&mut s.jobs);
        })
        .build(haven_app::wiring::build_app)
        .await
}

fn start(app: &TestApp, handlers: &[Arc<dyn JobHandler>]) -> Runtime {
    let mut registry = Registry::new();
    for handler in handlers {
        registry.add_job(Arc::clone(handler));
    }
    Runtime::start(app.ctx.db.clone(), app.ctx.settings.jobs.clone(), registry)
}

async fn enqueue(db: &Db, job: NewJob) -> JobId {
    db.run(move |conn| jobs::enqueue(conn, job).map_err(DbError::from))
        .await
        .unwrap()
}

fn new_job(kind: &str, payload: serde_json::Value) -> NewJob {
    NewJob::new(kind, &payload).unwrap()
}

/// A handler of `kind` that records every job it is handed.
fn recorder(kind: &'static str) -> (Arc<dyn JobHandler>, Arc<Mutex<Vec<Job>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = Arc::clone(&seen);
    let handler = job_handler(kind, move |job| {
        s.lock().unwrap().push(job);
        async { Ok(()) }.boxed()
    });
    (handler, seen)
}

#[tokio::test]
async fn a_job_enqueued_in_a_rolled_back_transaction_never_exists_or_runs() {
    let app = app().await;
    let db = app.ctx.db.clone();
    let (handler, seen) = recorder("test.record");

    let rolled_back = db
        .run(|conn| {
            let mut id = None;
            let result = conn.transaction::<(), diesel::result::Error, _>(|tx| {
                let job = new_job("test.record", serde_json::json!({"which": "rolled back"}));
                let enqueued = jobs::enqueue(tx, job)?;
                // Visible inside the transaction: enqueue wrote on the caller's connection.
                let inside: i64 = crate::job_support::platform_jobs::table
                    .filter(crate::job_support::platform_jobs::id.eq(enqueued.to_string()))
                    .count()
                    .get_result(tx)?;
                assert_eq!(inside, 1);
                id = Some(enqueued);
                Err(diesel::result::Error::RollbackTransaction)
            });
            assert!(matches!(
                result,
                Err(diesel::result::Error::RollbackTransaction)
            ));
            Ok::<_, DbError>(id.unwrap())
        })
        .await
        .unwrap();
    assert!(job_row(&db, rolled_back).await.is_none());

    // A job committed afterwards runs; once it has, the rolled-back one provably did not.
    let runtime = start(&app, &[handler]);
    let committed = enqueue(
        &db,
        new_job("test.record", serde_json::json!({"which": "committed"})),
    )
    .await;
    wait_until(WAIT, "the committed job is done", || {
        job_in_state(&db, committed, "done")
    })
    .await;
    runtime.shutdown(WAIT).await;

    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].id, committed);
    assert_eq!(seen[0].payload["which"], "committed");
    assert!(job_row(&db, rolled_back).await.is_none());
    let rows = jobs_of_kind(&db, "test.record").await;
    assert_eq!(rows.len(), 1);
}

#[tokio::test]
async fn a_committed_job_runs_once_and_ends_done() {
    let app = app().await;
    let db = app.ctx.db.clone();
    let (handler, seen) = recorder("test.record");
    let runtime = start(&app, &[handler]);

    let id = enqueue(&db, new_job("test.record", serde_json::json!({"n": 7}))).await;
    wait_until(WAIT, "the job is done", || job_in_state(&db, id, "done")).await;
    runtime.shutdown(WAIT).await;

    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].id, id);
    assert_eq!(seen[0].kind, "test.record");
    assert_eq!(seen[0].payload, serde_json::json!({"n": 7}));
    assert_eq!(seen[0].attempt, 1);
    let row = job_row(&db, id).await.unwrap();
    assert_eq!(row.state, "done");
    assert_eq!(row.attempts, 1);
    assert_eq!(row.locked_by, None);
    assert_eq!(row.locked_until, None);
    assert_eq!(row.last_error, None);
    assert!(row.finished_at.is_some_and(|f| f >= row.created_at));
    assert_eq!(
        metric("haven_jobs_completed_total", r#"kind="test.record""#),
        1.0
    );
}

#[tokio::test]
async fn a_failing_job_is_retried_with_backoff_until_it_succeeds() {
    let app = app_with(|j| {
        j.max_attempts = 5;
        j.backoff_base_ms = 100;
        j.backoff_max_ms = 1_000;
    })
    .await;
    let db = app.ctx.db.clone();
    let runs: Arc<Mutex<Vec<(u32, Instant)>>> = Arc::default();
    let r = Arc::clone(&runs);
    let handler = job_handler("test.flaky", move |job| {
        r.lock().unwrap().push((job.attempt, Instant::now()));
        async move {
            if job.attempt < 3 {
                anyhow::bail!("attempt {} failed", job.attempt);
            }
            Ok(())
        }
        .boxed()
    });
    let runtime = start(&app, &[handler]);

    let id = enqueue(&db, new_job("test.flaky", serde_json::json!({}))).await;
    wait_until(WAIT, "the flaky job is done", || {
        job_in_state(&db, id, "done")
    })
    .await;
    runtime.shutdown(WAIT).await;

    let runs = runs.lock().unwrap().clone();
    let attempts: Vec<u32> = runs.iter().map(|(a, _)| *a).collect();
    assert_eq!(attempts, [1, 2, 3]);
    // Exponential backoff: ≥ base before the first retry, ≥ 2 × base before the second.
    assert!(
        runs[1].1 - runs[0].1 >= Duration::from_millis(100),
        "{runs:?}"
    );
    assert!(
        runs[2].1 - runs[1].1 >= Duration::from_millis(200),
        "{runs:?}"
    );
    let row = job_row(&db, id).await.unwrap();
    assert_eq!(row.state, "done");
    assert_eq!(row.attempts, 3);
    assert_eq!(row.last_error.as_deref(), Some("attempt 2 failed"));
    assert_eq!(row.locked_by, None);
    assert_eq!(
        metric("haven_jobs_retried_total", r#"kind="test.flaky""#),
        2.0
    );
    assert_eq!(
        metric("haven_jobs_completed_total", r#"kind="test.flaky""#),
        1.0
    );
    assert_eq!(metric("haven_jobs_dead_total", r#"kind="test.flaky""#), 0.0);
}

#[tokio::test]
async fn a_job_that_always_fails_is_dead_lettered_after_max_attempts() {
    let app = app().await; // jobs.max_attempts = 3
    let db = app.ctx.db.clone();
    let dead_before = metric("haven_jobs_dead_total", r#"kind="test.doomed""#);
    let calls: Arc<Mutex<Vec<u32>>> = Arc::default();
    let c = Arc::clone(&calls);
    let handler = job_handler("test.doomed", move |job| {
        c.lock().unwrap().push(job.attempt);
        async move { anyhow::bail!("boom on attempt {}", job.attempt) }.boxed()
    });
    let runtime = start(&app, &[handler]);

    let id = enqueue(&db, new_job("test.doomed", serde_json::json!({}))).await;
    wait_until(WAIT, "the job is dead", || job_in_state(&db, id, "dead")).await;
    // A job-level max_attempts overrides the setting.
    let once = enqueue(
        &db,
        new_job("test.doomed", serde_json::json!({})).max_attempts(1),
    )
    .await;
    wait_until(WAIT, "the single-attempt job is dead", || {
        job_in_state(&db, once, "dead")
    })
    .await;
    runtime.shutdown(WAIT).await;

    assert_eq!(*calls.lock().unwrap(), [1, 2, 3, 1]);
    let row = job_row(&db, id).await.unwrap();
    assert_eq!(row.state, "dead");
    assert_eq!(row.attempts, 3);
    assert_eq!(row.last_error.as_deref(), Some("boom on attempt 3"));
    assert!(row.finished_at.is_some());
    assert_eq!(row.locked_by, None);
    let row = job_row(&db, once).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("dead", 1));
    assert_eq!(
        metric("haven_jobs_dead_total", r#"kind="test.doomed""#) - dead_before,
        2.0
    );
}

#[tokio::test]
async fn a_panicking_handler_is_a_failure_not_a_crash() {
    let app = app().await;
    let db = app.ctx.db.clone();
    let calls: Arc<Mutex<Vec<(String, u32)>>> = Arc::default();
    let c = Arc::clone(&calls);
    let handler = job_handler("test.panicky", move |job| {
        let mode = job.payload["mode"].as_str().unwrap_or_default().to_owned();
        c.lock().unwrap().push((mode.clone(), job.attempt));
        async move {
            match mode.as_str() {
                "always" => panic!("handler bug"),
                "once" if job.attempt == 1 => panic!("transient handler bug"),
                _ => Ok(()),
            }
        }
        .boxed()
    });
    let runtime = start(&app, &[handler]);

    let always = enqueue(
        &db,
        new_job("test.panicky", serde_json::json!({"mode": "always"})).max_attempts(2),
    )
    .await;
    let once = enqueue(
        &db,
        new_job("test.panicky", serde_json::json!({"mode": "once"})),
    )
    .await;
    wait_until(WAIT, "the always-panicking job is dead", || {
        job_in_state(&db, always, "dead")
    })
    .await;
    wait_until(WAIT, "the once-panicking job is done", || {
        job_in_state(&db, once, "done")
    })
    .await;
    // The workers survived: a job enqueued after the panics still runs.
    let after = enqueue(
        &db,
        new_job("test.panicky", serde_json::json!({"mode": "fine"})),
    )
    .await;
    wait_until(WAIT, "a later job is done", || {
        job_in_state(&db, after, "done")
    })
    .await;
    runtime.shutdown(WAIT).await;

    let row = job_row(&db, always).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("dead", 2));
    assert_eq!(row.last_error.as_deref(), Some("job handler panicked"));
    let row = job_row(&db, once).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("done", 2));
    assert_eq!(row.last_error.as_deref(), Some("job handler panicked"));
    let row = job_row(&db, after).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("done", 1));
    let mut calls = calls.lock().unwrap().clone();
    calls.sort();
    assert_eq!(
        calls,
        [
            ("always".to_owned(), 1),
            ("always".to_owned(), 2),
            ("fine".to_owned(), 1),
            ("once".to_owned(), 1),
            ("once".to_owned(), 2),
        ]
    );
}

#[tokio::test]
async fn a_job_of_an_unknown_kind_ends_dead() {
    let app = app().await;
    let db = app.ctx.db.clone();
    let dead_before = metric("haven_jobs_dead_total", r#"kind="unknown""#);
    let (handler, seen) = recorder("test.record");
    let runtime = start(&app, &[handler]);

    let id = enqueue(
        &db,
        new_job("test.nobody_handles_this", serde_json::json!({})),
    )
    .await;
    wait_until(WAIT, "the unknown job is dead", || {
        job_in_state(&db, id, "dead")
    })
    .await;
    runtime.shutdown(WAIT).await;

    let row = job_row(&db, id).await.unwrap();
    assert_eq!(row.state, "dead");
    assert_eq!(
        row.attempts, 3,
        "retried like any failure (a newer node may know it)"
    );
    assert!(
        row.last_error.as_deref().is_some_and(
            |e| e.contains("no handler registered for job kind test.nobody_handles_this")
        ),
        "{:?}",
        row.last_error
    );
    assert!(seen.lock().unwrap().is_empty());
    assert_eq!(
        metric("haven_jobs_dead_total", r#"kind="unknown""#) - dead_before,
        1.0
    );
}

#[tokio::test]
async fn a_job_is_not_run_before_its_run_at() {
    let app = app().await;
    let db = app.ctx.db.clone();
    let ran_at: Arc<Mutex<Vec<NaiveDateTime>>> = Arc::default();
    let r = Arc::clone(&ran_at);
    let delayed_handler = job_handler("test.delayed", move |_job| {
        r.lock().unwrap().push(now_utc());
        async { Ok(()) }.boxed()
    });
    let (marker_handler, _) = recorder("test.marker");
    let runtime = start(&app, &[delayed_handler, marker_handler]);

    // 1.5 s leaves room for several polls even when the machine is loaded (with 300 ms a
    // busy 2-core CI machine finished only one marker job before run_at).
    let run_at = now_utc() + chrono::Duration::milliseconds(1500);
    let id = enqueue(
        &db,
        new_job("test.delayed", serde_json::json!({})).run_at(run_at),
    )
    .await;
    assert_eq!(job_row(&db, id).await.unwrap().run_at, run_at);

    // Each marker job the runtime finishes is one more poll that had to skip the delayed
    // job; check it is still untouched after each.
    let mut polls_before_run_at = 0;
    while now_utc() + chrono::Duration::milliseconds(50) < run_at {
        let marker = enqueue(&db, new_job("test.marker", serde_json::json!({}))).await;
        wait_until(WAIT, "a marker job is done", || {
            job_in_state(&db, marker, "done")
        })
        .await;
        let row = job_row(&db, id).await.unwrap();
        if now_utc() < run_at {
            assert_eq!((row.state.as_str(), row.attempts), ("pending", 0));
            assert!(ran_at.lock().unwrap().is_empty());
            polls_before_run_at += 1;
        }
    }
    assert!(
        polls_before_run_at >= 2,
        "only {polls_before_run_at} polls before run_at"
    );

    wait_until(WAIT, "the delayed job is done", || {
        job_in_state(&db, id, "done")
    })
    .await;
    runtime.shutdown(WAIT).await;

    let ran_at = ran_at.lock().unwrap().clone();
    assert_eq!(ran_at.len(), 1);
    assert!(
        ran_at[0] >= run_at,
        "ran at {} before run_at {run_at}",
        ran_at[0]
    );
    let row = job_row(&db, id).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("done", 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recurring_job_fires_once_per_period_across_two_runtimes() {
    const KIND: &str = "test.tick";
    let app = app().await;
    let db = app.ctx.db.clone();
    let periods: Arc<Mutex<Vec<String>>> = Arc::default();
    let p = Arc::clone(&periods);
    let handler = job_handler(KIND, move |job| {
        let start = job.payload["period_start"].as_str().unwrap().to_owned();
        p.lock().unwrap().push(start);
        async { Ok(()) }.boxed()
    });
    let registry = || {
        let mut registry = Registry::new();
        registry.add_job(Arc::clone(&handler));
        registry.add_recurring(Recurring {
            name: "test.every_second",
            every: Duration::from_secs(1),
            kind: KIND,
        });
        registry
    };
    let started = now_utc();
    let one = Runtime::start(db.clone(), app.ctx.settings.jobs.clone(), registry());
    let two = Runtime::start(db.clone(), app.ctx.settings.jobs.clone(), registry());
    assert_ne!(one.node(), two.node());

    // At least three executions: at least two period boundaries crossed.
    wait_until(WAIT, "three periods ran", || {
        let n = periods.lock().unwrap().len();
        async move { n >= 3 }
    })
    .await;
    one.shutdown(WAIT).await;
    two.shutdown(WAIT).await;
    let stopped = now_utc();

    let periods = periods.lock().unwrap().clone();
    let distinct: BTreeSet<NaiveDateTime> = periods.iter().map(|p| p.parse().unwrap()).collect();
    assert_eq!(
        distinct.len(),
        periods.len(),
        "a period fired twice: {periods:?}"
    );
    let whole_second = |t: NaiveDateTime| t.and_utc().timestamp();
    let (first, last) = (whole_second(started), whole_second(stopped));
    for p in &distinct {
        assert_eq!(
            p.and_utc().timestamp_subsec_nanos(),
            0,
            "{p} is not a boundary"
        );
        assert!(
            (first..=last).contains(&whole_second(*p)),
            "{p} outside the run"
        );
    }
    let elapsed_periods = usize::try_from(last - first + 1).unwrap();
    assert!(
        periods.len() <= elapsed_periods,
        "{periods:?} in {elapsed_periods} periods"
    );

    // The queue agrees: one done job per fired period, and the schedule points past the last.
    let rows = jobs_of_kind(&db, KIND).await;
    assert_eq!(rows.len(), periods.len());
    let mut from_rows = BTreeSet::new();
    for row in &rows {
        assert_eq!((row.state.as_str(), row.attempts), ("done", 1));
        let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap();
        from_rows.insert(payload["period_start"].as_str().unwrap().parse().unwrap());
    }
    assert_eq!(from_rows, distinct);
    let next: NaiveDateTime = db
        .run(|conn| {
            platform_recurring_jobs::table
                .filter(platform_recurring_jobs::name.eq("test.every_second"))
                .select(platform_recurring_jobs::next_run_at)
                .first(conn)
                .map_err(DbError::from)
        })
        .await
        .unwrap();
    let latest = *distinct.last().unwrap();
    assert_eq!(next, latest + chrono::Duration::seconds(1));
}

#[tokio::test]
async fn shutdown_waits_for_an_in_flight_job() {
    let app = app().await;
    let db = app.ctx.db.clone();
    let started = Arc::new(Notify::new());
    let release = Arc::new(Notify::new());
    let (s, r) = (Arc::clone(&started), Arc::clone(&release));
    let handler = job_handler("test.gated", move |_job| {
        let (s, r) = (Arc::clone(&s), Arc::clone(&r));
        async move {
            let released = r.notified();
            s.notify_one();
            released.await;
            Ok(())
        }
        .boxed()
    });
    let runtime = start(&app, &[handler]);

    let running = started.notified();
    let id = enqueue(&db, new_job("test.gated", serde_json::json!({}))).await;
    running.await;
    let node = runtime.node().to_owned();
    let mut shutdown = tokio::spawn(runtime.shutdown(WAIT));

    // The job holds shutdown open: it has not returned while the handler is blocked…
    let early = tokio::time::timeout(Duration::from_millis(300), &mut shutdown).await;
    assert!(early.is_err(), "shutdown returned while a job was running");
    let row = job_row(&db, id).await.unwrap();
    assert_eq!(row.state, "running");
    assert_eq!(row.locked_by.as_deref(), Some(node.as_str()));

    // …and once released, the job's outcome is recorded before shutdown returns.
    release.notify_one();
    shutdown.await.unwrap();
    let row = job_row(&db, id).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("done", 1));
    assert_eq!(row.locked_by, None);
}

/// A node whose heartbeats stall past the lease (say, the database was away) reclaims its
/// own job and runs it again. The stale first attempt must not record an outcome over the
/// newer one: here its failure would dead-letter a job whose second attempt succeeds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_attempt_cannot_record_an_outcome_over_a_newer_one() {
    const KIND: &str = "test.stale";
    let app = app_with(|j| j.concurrency = 2).await;
    let db = app.ctx.db.clone();
    let dead_before = metric("haven_jobs_dead_total", r#"kind="test.stale""#);
    let gates: Arc<[(Notify, Notify); 2]> = Arc::default(); // (started, release) per attempt
    let g = Arc::clone(&gates);
    let handler = job_handler(KIND, move |job| {
        let g = Arc::clone(&g);
        async move {
            let (started, release) = &g[job.attempt as usize - 1];
            let released = release.notified();
            started.notify_one();
            released.await;
            if job.attempt == 1 {
                anyhow::bail!("the stale attempt failed");
            }
            Ok(())
        }
        .boxed()
    });
    let (marker, _) = recorder("test.marker");
    let runtime = start(&app, &[handler, marker]);
    let node = runtime.node().to_owned();

    let first = gates[0].0.notified();
    let id = enqueue(&db, new_job(KIND, serde_json::json!({})).max_attempts(1)).await;
    first.await;

    // Let the lease lapse (as missed heartbeats would) until the node reclaims the job.
    let second_started = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = Arc::clone(&second_started);
    let second = tokio::spawn({
        let gates = Arc::clone(&gates);
        async move {
            gates[1].0.notified().await;
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    });
    wait_until(WAIT, "the node reclaims its lapsed job", || {
        let (db, id, started) = (db.clone(), id.to_string(), Arc::clone(&second_started));
        async move {
            if started.load(std::sync::atomic::Ordering::SeqCst) {
                return true;
            }
            db.run(move |conn| {
                diesel::update(
                    crate::job_support::platform_jobs::table
                        .filter(crate::job_support::platform_jobs::id.eq(id))
                        .filter(crate::job_support::platform_jobs::attempts.eq(1)),
                )
                .set(
                    crate::job_support::platform_jobs::locked_until
                        .eq(now_utc() - chrono::Duration::seconds(1)),
                )
                .execute(conn)
                .map_err(DbError::from)
            })
            .await
            .unwrap();
            false
        }
    })
    .await;
    second.await.unwrap();
    let row = job_row(&db, id).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("running", 2));
    assert_eq!(row.locked_by.as_deref(), Some(node.as_str()));

    // Both slots are busy, so a marker job runs only once the stale attempt has finished
    // and recorded (or been refused) its outcome.
    let marker = enqueue(&db, new_job("test.marker", serde_json::json!({}))).await;
    gates[0].1.notify_one();
    wait_until(WAIT, "the marker job is done", || {
        job_in_state(&db, marker, "done")
    })
    .await;
    let row = job_row(&db, id).await.unwrap();
    assert_eq!(
        (row.state.as_str(), row.attempts),
        ("running", 2),
        "the stale attempt recorded its failure: {row:?}"
    );
    assert_eq!(
        metric("haven_jobs_dead_total", r#"kind="test.stale""#),
        dead_before
    );

    gates[1].1.notify_one();
    wait_until(WAIT, "the job is done", || job_in_state(&db, id, "done")).await;
    runtime.shutdown(WAIT).await;
    let row = job_row(&db, id).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("done", 2));
    assert_eq!(row.locked_by, None);
    assert_eq!(
        metric("haven_jobs_dead_total", r#"kind="test.stale""#),
        dead_before
    );
}

/// A run whose outcome cannot be recorded (the database refused the write) leaves its job
/// 'running'; the node must stop renewing that lease so the job is reclaimed and run
/// again, instead of staying 'running' for as long as the node lives.
#[tokio::test]
async fn a_job_whose_outcome_could_not_be_recorded_is_reclaimed() {
    const KIND: &str = "test.unlucky";
    let app = app().await;
    let db = app.ctx.db.clone();
    // Refuse to mark the first attempt done, as a failing database would.
    db.run(|conn| {
        use diesel::connection::SimpleConnection;
        let sql = match conn.backend() {
            haven_platform::config::Backend::Sqlite => {
                "CREATE TRIGGER refuse_first_done BEFORE UPDATE ON platform_jobs \
                 WHEN NEW.state = 'done' AND NEW.kind = 'test.unlucky' AND NEW.attempts = 1 \
                 BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
            }
            haven_platform::config::Backend::Postgres => {
                "CREATE FUNCTION refuse_first_done() RETURNS trigger LANGUAGE plpgsql AS \
                 $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$; \
                 CREATE TRIGGER refuse_first_done BEFORE UPDATE ON platform_jobs FOR EACH ROW \
                 WHEN (NEW.state = 'done' AND NEW.kind = 'test.unlucky' AND NEW.attempts = 1) \
                 EXECUTE FUNCTION refuse_first_done();"
            }
        };
        conn.batch_execute(sql).map_err(DbError::from)
    })
    .await
    .unwrap();
    let (handler, seen) = recorder(KIND);
    let runtime = start(&app, &[handler]);

    let id = enqueue(&db, new_job(KIND, serde_json::json!({}))).await;
    wait_until(WAIT, "the job is reclaimed and done", || {
        job_in_state(&db, id, "done")
    })
    .await;
    runtime.shutdown(WAIT).await;

    let attempts: Vec<u32> = seen.lock().unwrap().iter().map(|j| j.attempt).collect();
    assert_eq!(attempts, [1, 2]);
    let row = job_row(&db, id).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("done", 2));
    assert_eq!(row.locked_by, None);
}

/// The heartbeat renews the lease of a job that runs for several visibility timeouts, so
/// a second runtime on the same database never reclaims it while its node is alive.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_running_longer_than_the_visibility_timeout_keeps_its_lease() {
    const KIND: &str = "test.slow";
    let app = app().await; // visibility_timeout_ms = 600
    let db = app.ctx.db.clone();
    let started = Arc::new(Notify::new());
    let release = Arc::new(Notify::new());
    let runs: Arc<Mutex<Vec<u32>>> = Arc::default();
    let handler = {
        let (started, release, runs) = (
            Arc::clone(&started),
            Arc::clone(&release),
            Arc::clone(&runs),
        );
        job_handler(KIND, move |job| {
            runs.lock().unwrap().push(job.attempt);
            let (started, release) = (Arc::clone(&started), Arc::clone(&release));
            async move {
                let released = release.notified();
                started.notify_one();
                released.await;
                Ok(())
            }
            .boxed()
        })
    };
    let holder = start(&app, std::slice::from_ref(&handler));
    let running = started.notified();
    let id = enqueue(&db, new_job(KIND, serde_json::json!({}))).await;
    running.await;
    let first_lease = job_row(&db, id).await.unwrap().locked_until.unwrap();
    // A second node that would take the job the moment its lease lapsed.
    let rival = start(&app, &[handler]);

    let until = now_utc() + chrono::Duration::milliseconds(4 * 600);
    wait_until(WAIT, "four visibility timeouts pass", || async {
        now_utc() > until
    })
    .await;
    let row = job_row(&db, id).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("running", 1));
    assert_eq!(row.locked_by.as_deref(), Some(holder.node()));
    assert!(
        row.locked_until.unwrap() > first_lease,
        "the lease was not renewed"
    );
    assert_eq!(*runs.lock().unwrap(), [1]);

    release.notify_one();
    wait_until(WAIT, "the job is done", || job_in_state(&db, id, "done")).await;
    holder.shutdown(WAIT).await;
    rival.shutdown(WAIT).await;
    let row = job_row(&db, id).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("done", 1));
    assert_eq!(*runs.lock().unwrap(), [1]);
}
