//! The platform rate limiter through the whole app: a test-only API whose operations call
//! `RateLimiter::enforce`, on the database backend (SQLite, and PostgreSQL when
//! `HAVEN_TEST_POSTGRES_URL` is set), on Redis (when `HAVEN_TEST_REDIS_URL` is set), and
//! with Redis unreachable. Time is a manual clock, so windows move without sleeping.

use chrono::NaiveDateTime;
use futures_util::future::join_all;
use haven_platform::config::{RateLimitBackend, RateLimitPolicy};
use haven_platform::ratelimit::{self, Access, ManualClock, RateLimiter};
use haven_platform::server::admin_app;
use haven_platform::testing::{AssertProblem, Service, TEST_BUILD, TestApp, require_service};
use haven_platform::{ApiResult, DbError, PlatformContext, Settings, error_set};
use poem::endpoint::BoxEndpoint;
use poem::http::StatusCode;
use poem::test::{TestClient, TestResponse};
use poem_openapi::param::Query;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

/// The policy most tests use: 10 per minute.
const POLICY: &str = "test";

error_set!(pub LimitedErrors: haven_platform::ratelimit::RateLimited);

/// An allowed request, with the limiter's headers.
#[derive(ApiResponse)]
pub enum Limited {
    /// Allowed; the body is the number of requests left in the window.
    #[oai(status = 200)]
    Ok(
        Json<u32>,
        #[oai(header = "RateLimit-Limit")] u32,
        #[oai(header = "RateLimit-Remaining")] u32,
        #[oai(header = "RateLimit-Reset")] u64,
    ),
}

pub struct RateLimitApi {
    pub limiter: RateLimiter,
}

impl RateLimitApi {
    async fn hit(
        &self,
        policy: &str,
        key: &str,
        access: Access,
    ) -> ApiResult<Limited, LimitedErrors> {
        let status = self.limiter.enforce(policy, key, access).await?;
        Ok(Limited::Ok(
            Json(status.remaining),
            status.limit,
            status.remaining,
            status.reset_s,
        ))
    }
}

#[OpenApi]
impl RateLimitApi {
    /// A rate-limited read.
    #[oai(
        path = "/v1/test/limited",
        method = "get",
        operation_id = "testLimitedRead"
    )]
    async fn read(
        &self,
        policy: Query<String>,
        key: Query<String>,
    ) -> ApiResult<Limited, LimitedErrors> {
        self.hit(&policy.0, &key.0, Access::Read).await
    }

    /// A rate-limited write.
    #[oai(
        path = "/v1/test/limited",
        method = "post",
        operation_id = "testLimitedWrite"
    )]
    async fn write(
        &self,
        policy: Query<String>,
        key: Query<String>,
    ) -> ApiResult<Limited, LimitedErrors> {
        self.hit(&policy.0, &key.0, Access::Write).await
    }
}

/// 10:00:05 UTC: 55 seconds before the minute window ends.
fn clock() -> ManualClock {
    let start = NaiveDateTime::parse_from_str("2026-11-26 10:00:05", "%Y-%m-%d %H:%M:%S").unwrap();
    ManualClock::new(start)
}

fn with_policy(settings: &mut Settings, name: &str, limit: u32) {
    settings.rate_limits.insert(
        name.to_owned(),
        RateLimitPolicy {
            limit,
            window_s: 60,
        },
    );
}

/// The real app plus the rate-limited API, on a fresh database.
async fn app(clock: &ManualClock, f: impl FnOnce(&mut Settings)) -> TestApp {
    let clock = clock.clone();
    haven_app::testing::builder()
        .settings(|s| {
            with_policy(s, POLICY, 10);
            f(s);
        })
        .build(move |ctx| {
            haven_app::wiring::build_app_with(
                ctx,
                RateLimitApi {
                    limiter: ctx.limiter.with_clock(clock),
                },
            )
        })
        .await
}

/// A second node: its own context and pools, the same settings (so the same database).
fn second_node(
    first: &TestApp,
    clock: &ManualClock,
) -> (PlatformContext, TestClient<BoxEndpoint<'static>>) {
    let ctx = PlatformContext::new((*first.ctx.settings).clone(), TEST_BUILD).unwrap();
    let app = haven_app::wiring::build_app_with(
        &ctx,
        RateLimitApi {
            limiter: ctx.limiter.with_clock(clock.clone()),
        },
    );
    (ctx, TestClient::new(app.endpoint))
}

async fn send(
    client: &TestClient<BoxEndpoint<'static>>,
    access: Access,
    policy: &str,
    key: &str,
) -> TestResponse {
    match access {
        Access::Read => client.get("/v1/test/limited"),
        Access::Write => client.post("/v1/test/limited"),
    }
    .query("policy", &policy)
    .query("key", &key)
    .send()
    .await
}

fn header(resp: &TestResponse, name: &str) -> String {
    resp.0
        .headers()
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .unwrap()
        .to_owned()
}

/// Asserts an allowed response and its `RateLimit-*` headers.
fn assert_allowed(resp: &TestResponse, remaining: u32, reset_s: u64) {
    resp.assert_status_is_ok();
    assert_eq!(header(resp, "ratelimit-limit"), "10");
    assert_eq!(header(resp, "ratelimit-remaining"), remaining.to_string());
    assert_eq!(header(resp, "ratelimit-reset"), reset_s.to_string());
}

/// Asserts the 429 problem with `Retry-After` and the `RateLimit-*` headers.
async fn assert_limited(resp: TestResponse, reset_s: u64) {
    let reset = reset_s.to_string();
    assert_eq!(header(&resp, "retry-after"), reset);
    assert_eq!(header(&resp, "ratelimit-limit"), "10");
    assert_eq!(header(&resp, "ratelimit-remaining"), "0");
    assert_eq!(header(&resp, "ratelimit-reset"), reset);
    resp.assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        .await;
}

/// (rows, sum of counts) in `platform_rate_limits`.
async fn stored(ctx: &PlatformContext) -> (i64, i64) {
    ctx.db
        .run(|c| Ok::<_, DbError>((ratelimit::count_buckets(c)?, ratelimit::total_count(c)?)))
        .await
        .unwrap()
}

/// Sends `n` requests at once, alternating between `clients`; returns the statuses.
async fn burst(
    clients: &[&TestClient<BoxEndpoint<'static>>],
    n: usize,
    access: Access,
    policy: &str,
    key: &str,
) -> Vec<u16> {
    let requests = (0..n).map(|i| send(clients[i % clients.len()], access, policy, key));
    join_all(requests)
        .await
        .iter()
        .map(|r| r.0.status().as_u16())
        .collect()
}

fn count(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

async fn metrics_text(ctx: &PlatformContext) -> String {
    let admin = TestClient::new(admin_app(ctx));
    let resp = admin.get("/metrics").send().await;
    resp.assert_status_is_ok();
    resp.0.into_body().into_string().await.unwrap()
}

#[tokio::test]
async fn database_backend_lets_exactly_the_limit_through_then_answers_429() {
    haven_platform::observability::metrics::install();
    let clock = clock();
    let app = app(&clock, |s| with_policy(s, "db_exact", 10)).await;
    assert_eq!(app.ctx.limiter.backend(), "database");
    for i in 0..10 {
        let resp = send(&app.client, Access::Write, "db_exact", "alice@example.com").await;
        assert_allowed(&resp, 9 - i, 55);
    }
    for _ in 0..2 {
        let resp = send(&app.client, Access::Write, "db_exact", "alice@example.com").await;
        assert_limited(resp, 55).await;
    }
    // One counter for the window; every request was counted.
    assert_eq!(stored(&app.ctx).await, (1, 12));

    let text = metrics_text(&app.ctx).await;
    assert!(
        text.contains(
            r#"haven_rate_limit_decisions_total{policy="db_exact",outcome="allowed"} 10"#
        ),
        "{text}"
    );
    assert!(
        text.contains(r#"haven_rate_limit_decisions_total{policy="db_exact",outcome="limited"} 2"#),
        "{text}"
    );
    // The key never reaches the metrics (nor the table: it is hashed).
    assert!(!text.contains("alice"), "{text}");
    let buckets: Vec<String> = app
        .ctx
        .db
        .run(|c| {
            use diesel::prelude::*;
            diesel::sql_query("SELECT bucket FROM platform_rate_limits")
                .load::<Bucket>(c)
                .map_err(DbError::from)
        })
        .await
        .unwrap()
        .into_iter()
        .map(|b| b.bucket)
        .collect();
    assert_eq!(buckets.len(), 1);
    assert!(!buckets[0].contains("alice"), "{buckets:?}");
}

#[derive(diesel::QueryableByName)]
struct Bucket {
    #[diesel(sql_type = diesel::sql_types::Text)]
    bucket: String,
}

#[tokio::test]
async fn different_keys_have_independent_limits() {
    let clock = clock();
    let app = app(&clock, |_| {}).await;
    for _ in 0..10 {
        send(&app.client, Access::Write, POLICY, "10.0.0.1")
            .await
            .assert_status_is_ok();
    }
    assert_limited(
        send(&app.client, Access::Write, POLICY, "10.0.0.1").await,
        55,
    )
    .await;
    let other = send(&app.client, Access::Write, POLICY, "10.0.0.2").await;
    assert_allowed(&other, 9, 55);
    assert_eq!(stored(&app.ctx).await, (2, 12));
}

#[tokio::test]
async fn a_new_window_starts_a_new_count() {
    let clock = clock();
    let app = app(&clock, |_| {}).await;
    for _ in 0..10 {
        send(&app.client, Access::Write, POLICY, "bob")
            .await
            .assert_status_is_ok();
    }
    assert_limited(send(&app.client, Access::Write, POLICY, "bob").await, 55).await;
    // One second before the window ends: still limited, retry in 1 s.
    clock.advance(std::time::Duration::from_secs(54));
    assert_limited(send(&app.client, Access::Write, POLICY, "bob").await, 1).await;
    // The next window: a full allowance again.
    clock.advance(std::time::Duration::from_secs(1));
    assert_allowed(
        &send(&app.client, Access::Write, POLICY, "bob").await,
        9,
        60,
    );

    // The ended window's counter is purged; the current one stays.
    assert_eq!(stored(&app.ctx).await, (2, 13));
    let limiter = app.ctx.limiter.with_clock(clock.clone());
    assert_eq!(limiter.purge_expired().await.unwrap(), 1);
    assert_eq!(stored(&app.ctx).await, (1, 1));
}

#[tokio::test]
async fn two_nodes_on_one_database_share_the_limit() {
    let clock = clock();
    let app = app(&clock, |_| {}).await;
    let (ctx2, node2) = second_node(&app, &clock);
    let mut allowed = 0;
    for i in 0..20 {
        let client = if i % 2 == 0 { &app.client } else { &node2 };
        let resp = send(client, Access::Write, POLICY, "carol").await;
        if resp.0.status().is_success() {
            allowed += 1;
        } else {
            assert_limited(resp, 55).await;
        }
    }
    assert_eq!(allowed, 10);
    assert_eq!(stored(&ctx2).await, (1, 20));
}

#[tokio::test]
async fn concurrent_requests_on_the_database_let_exactly_the_limit_through() {
    let clock = clock();
    let app = app(&clock, |_| {}).await;
    let (_ctx2, node2) = second_node(&app, &clock);
    let statuses = burst(&[&app.client], 30, Access::Write, POLICY, "dave").await;
    assert_eq!(count(&statuses, 200), 10, "{statuses:?}");
    assert_eq!(count(&statuses, 429), 20, "{statuses:?}");
    assert_eq!(stored(&app.ctx).await, (1, 30));

    // The same race across two nodes.
    let statuses = burst(&[&app.client, &node2], 30, Access::Write, POLICY, "erin").await;
    assert_eq!(count(&statuses, 200), 10, "{statuses:?}");
    assert_eq!(count(&statuses, 429), 20, "{statuses:?}");
    assert_eq!(stored(&app.ctx).await, (2, 60));
}

#[tokio::test]
async fn database_errors_let_reads_through_and_answer_writes_503() {
    let clock = clock();
    let app = app(&clock, |_| {}).await;
    app.ctx
        .db
        .run(|c| {
            use diesel::connection::SimpleConnection;
            c.batch_execute("DROP TABLE platform_rate_limits")
                .map_err(DbError::from)
        })
        .await
        .unwrap();
    for _ in 0..12 {
        send(&app.client, Access::Read, POLICY, "frank")
            .await
            .assert_status_is_ok();
    }
    let resp = send(&app.client, Access::Write, POLICY, "frank").await;
    assert_eq!(header(&resp, "retry-after"), "1");
    resp.assert_problem(StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        .await;
}

#[tokio::test]
async fn an_unknown_policy_is_a_500_problem() {
    let clock = clock();
    let app = app(&clock, |_| {}).await;
    send(&app.client, Access::Read, "not-configured", "k")
        .await
        .assert_problem(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        .await;
}

#[tokio::test]
async fn memory_backend_limits_within_one_node_only() {
    let clock = clock();
    let app = app(&clock, |s| {
        s.rate_limiter.backend = RateLimitBackend::Memory
    })
    .await;
    assert_eq!(app.ctx.limiter.backend(), "memory");
    let statuses = burst(&[&app.client], 12, Access::Write, POLICY, "gina").await;
    assert_eq!(count(&statuses, 200), 10, "{statuses:?}");
    assert_eq!(stored(&app.ctx).await, (0, 0), "nothing in the database");
    // A second process counts on its own: why memory is for single-node development.
    let (_ctx2, node2) = second_node(&app, &clock);
    let statuses = burst(&[&node2], 12, Access::Write, POLICY, "gina").await;
    assert_eq!(count(&statuses, 200), 10, "{statuses:?}");
}

#[tokio::test]
async fn unreachable_redis_lets_reads_through_and_limits_writes_in_the_database() {
    haven_platform::observability::metrics::install();
    let clock = clock();
    let app = app(&clock, |s| {
        s.redis.url = Some("redis://127.0.0.1:1".to_owned())
    })
    .await;
    assert_eq!(app.ctx.limiter.backend(), "redis");

    // Reads: fail open, counted in the error metric, no 5xx.
    for _ in 0..12 {
        send(&app.client, Access::Read, POLICY, "henry")
            .await
            .assert_status_is_ok();
    }
    let text = metrics_text(&app.ctx).await;
    let errors = text
        .lines()
        .find_map(|l| l.strip_prefix(r#"haven_rate_limit_backend_errors_total{backend="redis"} "#))
        .unwrap_or_else(|| panic!("no redis error counter in\n{text}"));
    assert!(errors.parse::<f64>().unwrap() >= 12.0, "{errors}");
    assert_eq!(stored(&app.ctx).await, (0, 0), "reads are not counted");

    // Writes: still limited, through the database, shared by every node.
    let (_ctx2, node2) = second_node(&app, &clock);
    let statuses = burst(&[&app.client, &node2], 12, Access::Write, POLICY, "henry").await;
    assert_eq!(count(&statuses, 200), 10, "{statuses:?}");
    assert_eq!(count(&statuses, 429), 2, "{statuses:?}");
    assert_eq!(stored(&app.ctx).await, (1, 12));
}

/// The URL of the Redis tests' Redis and a connection to it: `None` (a skip, a failure
/// under `CI`) when `HAVEN_TEST_REDIS_URL` is unset; a panic when Redis does not answer.
async fn test_redis() -> Option<(String, redis::aio::MultiplexedConnection)> {
    let url = require_service(Service::Redis)?;
    let var = Service::Redis.env_var();
    let fail = |e: redis::RedisError| -> ! { panic!("{var} is set but Redis is unreachable: {e}") };
    let client = redis::Client::open(url.as_str()).unwrap_or_else(|e| fail(e));
    let mut conn = client
        .get_multiplexed_async_connection()
        .await
        .unwrap_or_else(|e| fail(e));
    let pong: String = redis::cmd("PING")
        .query_async(&mut conn)
        .await
        .unwrap_or_else(|e| fail(e));
    assert_eq!(pong, "PONG");
    Some((url, conn))
}

#[tokio::test]
async fn redis_lets_exactly_the_limit_through_across_nodes_under_concurrency() {
    let Some((url, mut redis)) = test_redis().await else {
        return;
    };
    // A policy of its own: its keys (`haven:rl:{policy}:…`) belong to this test alone.
    let policy = format!("test_{}", uuid::Uuid::now_v7().simple());
    let clock = clock();
    let app = app(&clock, |s| {
        s.redis.url = Some(url);
        with_policy(s, &policy, 10);
    })
    .await;
    assert_eq!(app.ctx.limiter.backend(), "redis");
    let (_ctx2, node2) = second_node(&app, &clock);

    // Reads fail open when Redis is down, so 10 of 30 proves Redis did the counting.
    let statuses = burst(&[&app.client, &node2], 30, Access::Read, &policy, "ivy").await;
    assert_eq!(count(&statuses, 200), 10, "{statuses:?}");
    assert_eq!(count(&statuses, 429), 20, "{statuses:?}");
    let resp = send(&node2, Access::Write, &policy, "ivy").await;
    assert_limited(resp, 55).await;

    // Redis holds one counter for the window, expiring with it; the database none.
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("haven:rl:{policy}:*"))
        .query_async(&mut redis)
        .await
        .unwrap();
    assert_eq!(keys.len(), 1, "{keys:?}");
    assert!(!keys[0].contains("ivy"), "{keys:?}");
    let value: i64 = redis::cmd("GET")
        .arg(&keys[0])
        .query_async(&mut redis)
        .await
        .unwrap();
    assert_eq!(value, 31);
    let ttl: i64 = redis::cmd("TTL")
        .arg(&keys[0])
        .query_async(&mut redis)
        .await
        .unwrap();
    assert!((1..=56).contains(&ttl), "{ttl}");
    assert_eq!(stored(&app.ctx).await, (0, 0));

    // Another key is independent; the next window starts again.
    assert_allowed(
        &send(&app.client, Access::Read, &policy, "jack").await,
        9,
        55,
    );
    clock.advance(std::time::Duration::from_secs(55));
    assert_allowed(
        &send(&app.client, Access::Read, &policy, "ivy").await,
        9,
        60,
    );

    let keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("haven:rl:{policy}:*"))
        .query_async(&mut redis)
        .await
        .unwrap();
    let _: i64 = redis::cmd("DEL")
        .arg(&keys)
        .query_async(&mut redis)
        .await
        .unwrap();
}
