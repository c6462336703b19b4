//! Three app nodes on one PostgreSQL database (docs/architecture.md "Scale-out"): each node has its
//! own `PlatformContext` (its own pools) and, where jobs are involved, its own job
//! runtime, as three processes would. The tests prove with the final database state that
//! N nodes never run a job twice, that a crashed node's job is reclaimed and finished
//! once, that racing dispatchers deliver each event once per subscriber, that one
//! idempotency key runs once whichever nodes its retries reach, and that a rate limit is
//! one limit across the nodes (database, and Redis when `HAVEN_TEST_REDIS_URL` is set).
//!
//! PostgreSQL only: without `HAVEN_TEST_POSTGRES_URL` each test is skipped with a note,
//! and fails under `CI` (`testing::require_service`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use futures_util::FutureExt;
use haven_platform::config::{RateLimitPolicy, Settings};
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::jobs::{self, JobHandler, JobId, NewJob, Registry, Runtime};
use haven_platform::outbox::{self, DomainEvent, EventHandler, EventId};
use haven_platform::ratelimit::{self, Access, ManualClock, RateLimiter};
use haven_platform::testing::{Service, TEST_BUILD, TestDb, require_service, wait_until};
use haven_platform::time::now_utc;
use haven_platform::{ApiResult, DbError, PlatformContext, define_id, error_set};
use poem::http::StatusCode;
use poem::test::TestClient;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi};
use serde::Serialize;
use tokio::sync::Notify;

use crate::job_support::{
    event_handler, fast, handled_rows, job_handler, job_row, jobs_of_kind, undispatched_events,
};

const WAIT: Duration = Duration::from_secs(30);
const DELIVERY: &str = "platform.deliver_event";

/// A fresh PostgreSQL database, or `None` (a skip, a failure under `CI`) when PostgreSQL
/// is not configured.
async fn postgres_db() -> Option<TestDb> {
    require_service(Service::Postgres)?;
    Some(
        tokio::task::spawn_blocking(|| TestDb::fresh(true))
            .await
            .unwrap(),
    )
}

/// One node's context: its own pools on the shared database.
fn node(db: &TestDb) -> PlatformContext {
    node_with(db, |_| {})
}

/// One node's context with settings changed by `f` (the same `f` for every node).
fn node_with(db: &TestDb, f: impl FnOnce(&mut Settings)) -> PlatformContext {
    let mut settings = Settings::default();
    settings.database.url = db.url.clone();
    settings.database.pool_max = 8;
    fast(&mut settings.jobs);
    f(&mut settings);
    PlatformContext::new(settings, TEST_BUILD).unwrap()
}

fn start(
    ctx: &PlatformContext,
    jobs: &[Arc<dyn JobHandler>],
    events: &[Arc<dyn EventHandler>],
) -> Runtime {
    let mut registry = Registry::new();
    for handler in jobs {
        registry.add_job(Arc::clone(handler));
    }
    for handler in events {
        registry.add_event_handler(Arc::clone(handler));
    }
    Runtime::start(ctx.db.clone(), ctx.settings.jobs.clone(), registry)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn multi_node_each_of_200_jobs_runs_exactly_once() {
    const KIND: &str = "test.work";
    let Some(db) = postgres_db().await else {
        return;
    };
    let nodes = [node(&db), node(&db), node(&db)];

    // The backlog exists before any node starts, so all three race for it.
    let ids: Vec<JobId> = nodes[0]
        .db
        .run(|conn| {
            conn.transaction::<_, diesel::result::Error, _>(|tx| {
                (0..200)
                    .map(|n| {
                        let job = NewJob::new(KIND, &serde_json::json!({ "n": n }))
                            .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
                        jobs::enqueue(tx, job)
                    })
                    .collect()
            })
            .map_err(DbError::from)
        })
        .await
        .unwrap();

    let runs: Arc<Mutex<HashMap<JobId, u32>>> = Arc::default();
    let per_node: Arc<Mutex<[u32; 3]>> = Arc::default();
    let runtimes: Vec<Runtime> = nodes
        .iter()
        .enumerate()
        .map(|(i, ctx)| {
            let (runs, per_node, db) = (Arc::clone(&runs), Arc::clone(&per_node), ctx.db.clone());
            let handler = job_handler(KIND, move |job| {
                *runs.lock().unwrap().entry(job.id).or_default() += 1;
                per_node.lock().unwrap()[i] += 1;
                let db = db.clone();
                // A round trip on this node's pool stands in for real work.
                async move { Ok(db.ping().await?) }.boxed()
            });
            start(ctx, &[handler], &[])
        })
        .collect();

    let main = nodes[0].db.clone();
    wait_until(WAIT, "all 200 jobs are done", || async {
        jobs_of_kind(&main, KIND)
            .await
            .iter()
            .filter(|r| r.state == "done")
            .count()
            == 200
    })
    .await;
    for runtime in runtimes {
        runtime.shutdown(WAIT).await;
    }

    let runs = runs.lock().unwrap().clone();
    assert_eq!(runs.len(), 200);
    let twice: Vec<_> = runs.iter().filter(|(_, n)| **n != 1).collect();
    assert!(twice.is_empty(), "jobs run more than once: {twice:?}");
    for id in &ids {
        assert_eq!(runs.get(id), Some(&1), "{id}");
    }
    let rows = jobs_of_kind(&main, KIND).await;
    assert_eq!(rows.len(), 200);
    for row in &rows {
        assert_eq!(
            (row.state.as_str(), row.attempts),
            ("done", 1),
            "{}",
            row.id
        );
        assert_eq!(row.locked_by, None);
        assert_eq!(row.last_error, None);
    }
    let per_node = *per_node.lock().unwrap();
    eprintln!("jobs run per node: {per_node:?}");
    assert_eq!(per_node.iter().sum::<u32>(), 200);
    assert!(
        per_node.iter().filter(|n| **n > 0).count() >= 2,
        "the nodes did not share the work: {per_node:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn multi_node_a_job_of_a_killed_node_is_reclaimed_and_finished_once() {
    const KIND: &str = "test.long";
    let Some(db) = postgres_db().await else {
        return;
    };
    let [doomed, second, third] = [node(&db), node(&db), node(&db)];
    let main = second.db.clone();

    // (node, attempt, started at) of every run, and how many runs finished.
    let starts: Arc<Mutex<Vec<(usize, u32, NaiveDateTime)>>> = Arc::default();
    let finished: Arc<Mutex<u32>> = Arc::default();
    let started = Arc::new(Notify::new());
    let release = Arc::new(Notify::new());
    let handler_on = |i: usize| {
        let (starts, finished) = (Arc::clone(&starts), Arc::clone(&finished));
        let (started, release) = (Arc::clone(&started), Arc::clone(&release));
        job_handler(KIND, move |job| {
            starts.lock().unwrap().push((i, job.attempt, now_utc()));
            let (started, release, finished) = (
                Arc::clone(&started),
                Arc::clone(&release),
                Arc::clone(&finished),
            );
            async move {
                let released = release.notified();
                started.notify_one();
                if i == 0 {
                    // The doomed node never gets past here: it is killed mid-job.
                    std::future::pending::<()>().await;
                }
                released.await;
                *finished.lock().unwrap() += 1;
                Ok(())
            }
            .boxed()
        })
    };

    // Only the doomed node runs when the job is enqueued, so it is the one to claim it.
    let doomed_runtime = start(&doomed, &[handler_on(0)], &[]);
    let doomed_node = doomed_runtime.node().to_owned();
    let running = started.notified();
    let id = main
        .run(|conn| {
            jobs::enqueue(conn, NewJob::new(KIND, &serde_json::json!({})).unwrap())
                .map_err(DbError::from)
        })
        .await
        .unwrap();
    running.await;
    let row = job_row(&main, id).await.unwrap();
    assert_eq!(row.state, "running");
    assert_eq!(row.attempts, 1);
    assert_eq!(row.locked_by.as_deref(), Some(doomed_node.as_str()));

    // The survivors are up (they cannot take a leased job), then the doomed node dies.
    let survivors = [
        start(&second, &[handler_on(1)], &[]),
        start(&third, &[handler_on(2)], &[]),
    ];
    let survivor_nodes = [
        survivors[0].node().to_owned(),
        survivors[1].node().to_owned(),
    ];
    let reclaimed = started.notified();
    let lease_seen = job_row(&main, id).await.unwrap().locked_until.unwrap();
    doomed_runtime.abort();
    drop(doomed);

    // After the lease lapses a survivor reclaims the job: while it runs, it holds the lease.
    tokio::time::timeout(WAIT, reclaimed).await.unwrap();
    let row = job_row(&main, id).await.unwrap();
    assert_eq!(row.state, "running");
    assert_eq!(row.attempts, 2);
    let holder = row.locked_by.clone().unwrap();
    assert!(
        survivor_nodes.contains(&holder),
        "{holder} is not a survivor"
    );
    let retry = starts.lock().unwrap()[1];
    assert!(retry.0 != 0 && retry.1 == 2, "{retry:?}");
    assert!(
        retry.2 >= lease_seen,
        "reclaimed at {} while the lease ran until {lease_seen}",
        retry.2
    );

    release.notify_one();
    wait_until(WAIT, "the reclaimed job is done", || async {
        job_row(&main, id).await.is_some_and(|r| r.state == "done")
    })
    .await;
    for runtime in survivors {
        runtime.shutdown(WAIT).await;
    }

    let row = job_row(&main, id).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("done", 2));
    assert_eq!(row.locked_by, None);
    assert_eq!(row.last_error, None);
    assert!(row.finished_at.is_some());
    let starts = starts.lock().unwrap().clone();
    assert_eq!(starts.len(), 2, "{starts:?}");
    assert_eq!((starts[0].0, starts[0].1), (0, 1));
    assert_eq!(*finished.lock().unwrap(), 1);
    assert_eq!(jobs_of_kind(&main, KIND).await.len(), 1);
}

#[derive(Serialize)]
struct Numbered {
    n: u32,
}

impl DomainEvent for Numbered {
    const TYPE: &'static str = "test.numbered";
}

/// Per event: calls received and successes, shared by one handler's three instances.
type Tally = Arc<Mutex<HashMap<EventId, (u32, u32)>>>;

fn tallied(name: &'static str, fail_first_when: fn(u64) -> bool) -> (Arc<dyn EventHandler>, Tally) {
    let tally: Tally = Arc::default();
    let t = Arc::clone(&tally);
    let handler = event_handler(name, &[Numbered::TYPE], move |event| {
        let n = event.payload["n"].as_u64().unwrap();
        let calls = {
            let mut tally = t.lock().unwrap();
            let entry = tally.entry(event.id).or_default();
            entry.0 += 1;
            entry.0
        };
        let t = Arc::clone(&t);
        async move {
            if calls == 1 && fail_first_when(n) {
                anyhow::bail!("{name} fails the first delivery of event {n}");
            }
            t.lock().unwrap().entry(event.id).or_default().1 += 1;
            Ok(())
        }
        .boxed()
    });
    (handler, tally)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn multi_node_each_event_is_handled_once_per_subscriber_while_dispatchers_race() {
    let Some(db) = postgres_db().await else {
        return;
    };
    let nodes = [node(&db), node(&db), node(&db)];
    let main = nodes[0].db.clone();
    let (audit, audit_tally) = tallied("test.audit", |_| false);
    let (mailer, mailer_tally) = tallied("test.mailer", |n| n % 3 == 0);

    let publish = |i: usize, n: u32| {
        let db = nodes[i % 3].db.clone();
        async move {
            db.run(move |conn| {
                conn.transaction(|tx| outbox::publish(tx, &Numbered { n }))
                    .map_err(DbError::from)
            })
            .await
            .unwrap()
        }
    };
    // Half the events wait before the nodes start; the rest arrive while they run.
    let mut events: Vec<EventId> = Vec::new();
    for n in 0..50 {
        events.push(publish(n as usize, n).await);
    }
    let handlers = [Arc::clone(&audit), Arc::clone(&mailer)];
    let runtimes: Vec<Runtime> = nodes.iter().map(|ctx| start(ctx, &[], &handlers)).collect();
    let late = futures_util::future::join_all((50..100).map(|n| publish(n as usize, n))).await;
    events.extend(late);

    wait_until(WAIT, "200 deliveries are handled", || async {
        handled_rows(&main).await.len() == 200
    })
    .await;
    wait_until(WAIT, "200 deliveries are done", || async {
        let rows = jobs_of_kind(&main, DELIVERY).await;
        rows.len() >= 200 && rows.iter().all(|r| r.state == "done")
    })
    .await;
    for runtime in runtimes {
        runtime.shutdown(WAIT).await;
    }

    // The database: every event fanned out once, one delivery and one handled record per
    // (subscriber, event), retries only where the mailer failed.
    let mut expected: Vec<(String, String)> = events
        .iter()
        .flat_map(|e| {
            [
                ("test.audit".to_owned(), e.to_string()),
                ("test.mailer".to_owned(), e.to_string()),
            ]
        })
        .collect();
    expected.sort();
    assert_eq!(handled_rows(&main).await, expected);
    let undispatched = undispatched_events(&main).await;
    assert_eq!(undispatched, 0);
    let rows = jobs_of_kind(&main, DELIVERY).await;
    assert_eq!(rows.len(), 200, "an event was fanned out twice");
    let mut targets = std::collections::HashSet::new();
    let mut retried = 0;
    for row in &rows {
        let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap();
        let handler = payload["handler"].as_str().unwrap().to_owned();
        assert!(targets.insert((
            handler.clone(),
            payload["event_id"].as_str().unwrap().to_owned()
        )));
        assert_eq!(row.state, "done");
        match (handler.as_str(), row.attempts) {
            ("test.audit", 1) | ("test.mailer", 1) => {}
            ("test.mailer", 2) => retried += 1,
            other => panic!("unexpected delivery {other:?}"),
        }
    }
    assert_eq!(retried, 34, "events 0, 3, …, 99 fail once at the mailer");

    // The handlers: each event succeeded exactly once per subscriber.
    let audit = audit_tally.lock().unwrap().clone();
    let mailer = mailer_tally.lock().unwrap().clone();
    assert_eq!((audit.len(), mailer.len()), (100, 100));
    assert!(
        audit.values().all(|(calls, ok)| (*calls, *ok) == (1, 1)),
        "{audit:?}"
    );
    assert!(mailer.values().all(|(_, ok)| *ok == 1), "{mailer:?}");
    let mailer_calls: u32 = mailer.values().map(|(calls, _)| calls).sum();
    assert_eq!(mailer_calls, 134);
}

define_id!(OrderId, "ord");
/// Fails in the common ways only (the idempotency codes are the document's).
type OrderErrors = haven_platform::http::problem::CommonErrors;

/// Body of the order operation.
#[derive(Debug, Clone, Object)]
struct NewOrder {
    /// What to order.
    item: String,
}

/// A placed order.
#[derive(Debug, Clone, Object)]
struct Order {
    /// A fresh id per execution, so a replay is told apart from a second run.
    id: String,
    /// What was ordered.
    item: String,
}

/// Answer of the order operation.
#[derive(Debug, ApiResponse)]
enum OrderPlaced {
    /// Placed.
    #[oai(status = 201)]
    Created(Json<Order>, #[oai(header = "Location")] String),
}

/// An operation that opts in to idempotency keys and counts its executions.
struct OrdersApi {
    executions: Arc<AtomicUsize>,
}

#[OpenApi]
impl OrdersApi {
    /// Places an order.
    #[oai(
        path = "/v1/test/orders",
        method = "post",
        operation_id = "testPlaceOrder"
    )]
    async fn place(
        &self,
        /// Makes the request safe to retry.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<NewOrder>,
    ) -> ApiResult<OrderPlaced, OrderErrors> {
        self.executions.fetch_add(1, Ordering::SeqCst);
        // Let the racing requests on the other nodes get going meanwhile.
        tokio::task::yield_now().await;
        let id = OrderId::new().to_string();
        let location = format!("/v1/test/orders/{id}");
        Ok(OrderPlaced::Created(
            Json(Order {
                id,
                item: body.0.item,
            }),
            location,
        ))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn multi_node_one_idempotency_key_runs_once_across_three_nodes() {
    let Some(db) = postgres_db().await else {
        return;
    };
    let nodes = [node(&db), node(&db), node(&db)];
    let executions = Arc::new(AtomicUsize::new(0));
    let clients: Vec<_> = nodes
        .iter()
        .map(|ctx| {
            let api = OrdersApi {
                executions: Arc::clone(&executions),
            };
            TestClient::new(haven_app::wiring::build_app_with(ctx, api).endpoint)
        })
        .collect();

    let requests = (0..20).map(|i| {
        let client = &clients[i % 3];
        async move {
            let resp = client
                .post("/v1/test/orders")
                .header("Idempotency-Key", "order-2026-11-26-0001")
                .content_type("application/json")
                .body(r#"{"item":"sleep course"}"#)
                .send()
                .await;
            let status = resp.0.status();
            let replayed = resp
                .0
                .headers()
                .get("idempotent-replayed")
                .is_some_and(|v| v == "true");
            let body = resp.0.into_body().into_vec().await.unwrap();
            (status, replayed, body)
        }
    });
    let replies = futures_util::future::join_all(requests).await;

    assert_eq!(executions.load(Ordering::SeqCst), 1, "{replies:?}");
    let first: Vec<_> = replies
        .iter()
        .filter(|(status, replayed, _)| *status == StatusCode::CREATED && !replayed)
        .collect();
    assert_eq!(first.len(), 1, "{replies:?}");
    let original = &first[0].2;
    let order: serde_json::Value = serde_json::from_slice(original).unwrap();
    assert_eq!(order["item"], "sleep course");
    let (mut replays, mut conflicts) = (0, 0);
    for (status, replayed, body) in &replies {
        match *status {
            StatusCode::CREATED => {
                assert_eq!(body, original, "a replay differs from the original");
                replays += usize::from(*replayed);
            }
            StatusCode::CONFLICT => {
                let problem: serde_json::Value = serde_json::from_slice(body).unwrap();
                assert_eq!(problem["code"], "idempotency_key_in_use");
                conflicts += 1;
            }
            other => panic!("unexpected {other}: {}", String::from_utf8_lossy(body)),
        }
    }
    eprintln!("1 execution, {replays} replays, {conflicts} conflicts");

    // One stored key, finished, holding the one response.
    #[derive(QueryableByName, Debug)]
    struct Key {
        #[diesel(sql_type = diesel::sql_types::Text)]
        key: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        state: String,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
        response_status: Option<i32>,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Binary>)]
        response_body: Option<Vec<u8>>,
    }
    let keys: Vec<Key> = nodes[0]
        .db
        .run(|conn| {
            diesel::sql_query(
                "SELECT key, state, response_status, response_body FROM platform_idempotency_keys",
            )
            .load(conn)
            .map_err(DbError::from)
        })
        .await
        .unwrap();
    assert_eq!(keys.len(), 1, "{keys:?}");
    assert_eq!(keys[0].key, "order-2026-11-26-0001");
    assert_eq!(
        (keys[0].state.as_str(), keys[0].response_status),
        ("done", Some(201))
    );
    assert_eq!(keys[0].response_body.as_ref(), Some(original));
}

error_set!(pub LimitedErrors: haven_platform::ratelimit::RateLimited);

/// A write limited by one policy and one key, so every request counts against one bucket.
struct LimitedApi {
    limiter: RateLimiter,
    policy: String,
}

#[OpenApi]
impl LimitedApi {
    /// A rate-limited write; answers the requests left in the window.
    #[oai(
        path = "/v1/test/multi/limited",
        method = "post",
        operation_id = "testMultiLimited"
    )]
    async fn hit(&self) -> ApiResult<Json<u32>, LimitedErrors> {
        let status = self
            .limiter
            .enforce(&self.policy, "member-42", Access::Write)
            .await?;
        Ok(Json(status.remaining))
    }
}

/// 30 concurrent requests spread over three nodes under a limit of 10 per minute; returns
/// the statuses and the nodes (for database checks). Time is a manual clock shared by the
/// nodes, so no window boundary falls inside the burst.
async fn burst_of_30_across_three_nodes(
    db: &TestDb,
    policy: &str,
    redis: Option<String>,
) -> (Vec<u16>, [PlatformContext; 3]) {
    let configure = |s: &mut Settings| {
        s.rate_limits.insert(
            policy.to_owned(),
            RateLimitPolicy {
                limit: 10,
                window_s: 60,
            },
        );
        s.redis.url.clone_from(&redis);
    };
    let nodes = [
        node_with(db, configure),
        node_with(db, configure),
        node_with(db, configure),
    ];
    let clock = ManualClock::new(
        NaiveDateTime::parse_from_str("2026-11-26 10:00:05", "%Y-%m-%d %H:%M:%S").unwrap(),
    );
    let clients: Vec<_> = nodes
        .iter()
        .map(|ctx| {
            let api = LimitedApi {
                limiter: ctx.limiter.with_clock(clock.clone()),
                policy: policy.to_owned(),
            };
            TestClient::new(haven_app::wiring::build_app_with(ctx, api).endpoint)
        })
        .collect();
    let requests = (0..30).map(|i| clients[i % 3].post("/v1/test/multi/limited").send());
    let statuses = futures_util::future::join_all(requests)
        .await
        .iter()
        .map(|r| r.0.status().as_u16())
        .collect();
    (statuses, nodes)
}

fn count(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

/// (buckets, sum of their counts) in `platform_rate_limits`.
async fn stored_buckets(ctx: &PlatformContext) -> (i64, i64) {
    ctx.db
        .run(|c| Ok::<_, DbError>((ratelimit::count_buckets(c)?, ratelimit::total_count(c)?)))
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn multi_node_a_rate_limit_in_the_database_is_shared_by_three_nodes() {
    let Some(db) = postgres_db().await else {
        return;
    };
    let (statuses, nodes) = burst_of_30_across_three_nodes(&db, "multi", None).await;
    assert_eq!(nodes[0].limiter.backend(), "database");
    assert_eq!(count(&statuses, 200), 10, "{statuses:?}");
    assert_eq!(count(&statuses, 429), 20, "{statuses:?}");
    // One shared bucket that counted every request.
    assert_eq!(stored_buckets(&nodes[0]).await, (1, 30));
}

/// The same with Redis holding the counters (`HAVEN_TEST_REDIS_URL`); skipped without it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn multi_node_a_rate_limit_in_redis_is_shared_by_three_nodes() {
    let Some(redis) = require_service(Service::Redis) else {
        return;
    };
    let Some(db) = postgres_db().await else {
        return;
    };
    // A policy of its own, so its Redis keys belong to this run alone.
    let policy = format!("multi_{}", uuid::Uuid::now_v7().simple());
    let (statuses, nodes) = burst_of_30_across_three_nodes(&db, &policy, Some(redis)).await;
    assert_eq!(nodes[0].limiter.backend(), "redis");
    assert_eq!(count(&statuses, 200), 10, "{statuses:?}");
    assert_eq!(count(&statuses, 429), 20, "{statuses:?}");
    // Redis did the counting: a write falls back to the database only when Redis is down.
    assert_eq!(stored_buckets(&nodes[0]).await, (0, 0));
}
