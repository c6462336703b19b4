//! Benchmark of the platform primitives on PostgreSQL (run by `bench/primitives`):
//! outbox throughput, events/s from publish to handled, with 1 and 3 nodes; and the cost
//! of an `Idempotency-Key` per request, through the whole middleware stack in-process.
//!
//! cargo run --release -p haven-tests --example primitives -- [events]

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use diesel::Connection;
use futures_util::future::BoxFuture;
use haven_platform::config::Settings;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::jobs::{Registry, Runtime};
use haven_platform::outbox::{DomainEvent, Event, EventHandler, publish};
use haven_platform::testing::{TEST_BUILD, TestDb};
use haven_platform::{DbError, PlatformContext};

#[derive(serde::Serialize)]
struct Ping {
    n: usize,
}

impl DomainEvent for Ping {
    const TYPE: &'static str = "bench.ping";
}

struct Count(Arc<AtomicUsize>);

impl EventHandler for Count {
    fn name(&self) -> &'static str {
        "bench.count"
    }
    fn event_types(&self) -> Vec<&'static str> {
        vec![Ping::TYPE]
    }
    fn handle<'a>(&'a self, _event: &'a Event) -> BoxFuture<'a, anyhow::Result<()>> {
        self.0.fetch_add(1, Ordering::Relaxed);
        Box::pin(async { Ok(()) })
    }
}

async fn outbox_throughput(admin: &str, nodes: usize, events: usize) -> f64 {
    let db = TestDb::fresh_postgres(admin);
    let mut settings = Settings::default();
    settings.database.url = db.url.clone();
    settings.database.pool_max = 4;
    settings.jobs.poll_interval_ms = 10;
    settings.jobs.batch_size = 128;
    settings.jobs.concurrency = 32;
    let contexts: Vec<_> = (0..nodes)
        .map(|_| PlatformContext::new(settings.clone(), TEST_BUILD).unwrap())
        .collect();

    // Publish everything first, 500 per transaction, so only dispatch and delivery are timed.
    for chunk in (0..events).collect::<Vec<_>>().chunks(500) {
        let chunk = chunk.to_vec();
        contexts[0]
            .db
            .run(move |conn| {
                conn.transaction(|conn| {
                    for n in chunk {
                        publish(conn, &Ping { n })?;
                    }
                    Ok::<_, diesel::result::Error>(())
                })
                .map_err(DbError::from)
            })
            .await
            .unwrap();
    }

    let handled = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let runtimes: Vec<_> = contexts
        .iter()
        .map(|ctx| {
            let mut registry = Registry::new();
            registry.add_event_handler(Arc::new(Count(Arc::clone(&handled))));
            Runtime::start(ctx.db.clone(), settings.jobs.clone(), registry)
        })
        .collect();
    while handled.load(Ordering::Relaxed) < events {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "outbox did not drain"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let elapsed = started.elapsed().as_secs_f64();
    for runtime in runtimes {
        runtime.shutdown(Duration::from_secs(5)).await;
    }
    events as f64 / elapsed
}

/// A write that opts into idempotency keys.
struct BenchApi;

#[poem_openapi::OpenApi]
impl BenchApi {
    /// Echoes its body.
    #[oai(path = "/v1/bench/echo", method = "post", operation_id = "benchEcho")]
    async fn echo(
        &self,
        /// Makes retries safe.
        #[oai(name = "Idempotency-Key")]
        _key: IdempotencyKey,
        body: poem_openapi::payload::Json<serde_json::Value>,
    ) -> poem_openapi::payload::Json<serde_json::Value> {
        body
    }
}

/// Mean and p50/p99 latency (µs) of `n` sequential requests, with or without a fresh key.
async fn post_latency(
    client: &poem::test::TestClient<poem::endpoint::BoxEndpoint<'static>>,
    n: usize,
    with_key: bool,
) -> (f64, f64, f64) {
    let mut samples = Vec::with_capacity(n);
    for i in 0..n {
        let mut req = client
            .post("/v1/bench/echo")
            .body_json(&serde_json::json!({ "i": i }));
        if with_key {
            req = req.header("idempotency-key", uuid::Uuid::new_v4().to_string());
        }
        let started = Instant::now();
        let resp = req.send().await;
        samples.push(started.elapsed().as_secs_f64() * 1e6);
        resp.assert_status_is_ok();
    }
    samples.sort_by(f64::total_cmp);
    let mean = samples.iter().sum::<f64>() / n as f64;
    (mean, samples[n / 2], samples[n * 99 / 100])
}

async fn idempotency_overhead(admin: &str, requests: usize) {
    let db = TestDb::fresh_postgres(admin);
    let mut settings = Settings::default();
    settings.database.url = db.url.clone();
    let ctx = PlatformContext::new(settings, TEST_BUILD).unwrap();
    let app = haven_app::wiring::build_app_with(&ctx, BenchApi);
    let client = poem::test::TestClient::new(app.endpoint);
    post_latency(&client, 200, true).await; // warm the pool and caches
    println!();
    println!("| POST /v1/bench/echo, {requests} sequential | mean µs | p50 µs | p99 µs |");
    println!("|---|---|---|---|");
    // Interleave so both see the same machine noise.
    let mut without = Vec::new();
    let mut with = Vec::new();
    for _ in 0..3 {
        without.push(post_latency(&client, requests / 3, false).await);
        with.push(post_latency(&client, requests / 3, true).await);
    }
    let median = |v: &mut Vec<(f64, f64, f64)>| {
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        v[v.len() / 2]
    };
    let (a, b) = (median(&mut without), median(&mut with));
    println!(
        "| without Idempotency-Key | {:.0} | {:.0} | {:.0} |",
        a.0, a.1, a.2
    );
    println!(
        "| with a fresh Idempotency-Key | {:.0} | {:.0} | {:.0} |",
        b.0, b.1, b.2
    );
    println!(
        "| overhead per request | {:.0} | {:.0} | {:.0} |",
        b.0 - a.0,
        b.1 - a.1,
        b.2 - a.2
    );
}

#[tokio::main]
async fn main() {
    let admin = std::env::var("HAVEN_BENCH_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    let events: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5_000);
    println!("| nodes | events | events/s (publish → handled) |");
    println!("|---|---|---|");
    for nodes in [1, 3] {
        let rate = outbox_throughput(&admin, nodes, events).await;
        println!("| {nodes} | {events} | {rate:.0} |");
    }
    idempotency_overhead(&admin, 3_000).await;
}
