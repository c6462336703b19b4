use std::time::Duration;

use chrono::NaiveDateTime;
use poem::IntoResponse;

use super::*;
use crate::http::problem::CommonErrors;

crate::error_set!(Limited: RateLimited);

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

fn settings(backend: RateLimitBackend, redis: Option<&str>) -> Settings {
    let mut settings = Settings::default();
    settings.rate_limiter.backend = backend;
    settings.redis.url = redis.map(str::to_owned);
    settings.rate_limits.insert(
        "login".to_owned(),
        RateLimitPolicy {
            limit: 3,
            window_s: 60,
        },
    );
    settings
}

/// A limiter whose database is never opened (the pools connect lazily).
fn limiter(backend: RateLimitBackend, redis: Option<&str>) -> RateLimiter {
    let settings = settings(backend, redis);
    let db = Db::connect(&settings.database).unwrap();
    RateLimiter::new(&settings, db).unwrap()
}

async fn check(limiter: &RateLimiter, key: &str, access: Access) -> RateLimitStatus {
    limiter
        .check::<CommonErrors>("login", key, access)
        .await
        .unwrap()
}

#[test]
fn status_counts_down_and_the_limit_is_inclusive() {
    let policy = RateLimitPolicy {
        limit: 3,
        window_s: 60,
    };
    let window = Window::at(at("2026-11-26 10:00:05"), 60);
    let s = |count| RateLimitStatus::counted(policy, &window, count);
    assert_eq!((s(1).allowed, s(1).remaining), (true, 2));
    assert_eq!((s(3).allowed, s(3).remaining), (true, 0));
    assert_eq!((s(4).allowed, s(4).remaining), (false, 0));
    assert_eq!(s(4).reset_s, 55);
    assert!(!s(4).degraded);
}

#[test]
fn the_limited_status_is_a_429_problem_with_retry_after_and_ratelimit_headers() {
    let status = RateLimitStatus {
        allowed: false,
        limit: 10,
        remaining: 0,
        reset_s: 42,
        degraded: false,
    };
    let error: ApiError<Limited> = status.to_error();
    assert_eq!(error.status(), StatusCode::TOO_MANY_REQUESTS);
    let resp = error.into_response();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(header("retry-after"), "42");
    assert_eq!(header("ratelimit-limit"), "10");
    assert_eq!(header("ratelimit-remaining"), "0");
    assert_eq!(header("ratelimit-reset"), "42");
    assert_eq!(header("content-type"), "application/problem+json");
}

#[tokio::test]
async fn memory_backend_limits_per_key_and_starts_again_in_the_next_window() {
    let clock = ManualClock::new(at("2026-11-26 10:00:05"));
    let limiter = limiter(RateLimitBackend::Memory, None).with_clock(clock.clone());
    assert_eq!(limiter.backend(), "memory");
    for remaining in [2, 1, 0] {
        let s = check(&limiter, "alice", Access::Write).await;
        assert!(s.allowed);
        assert_eq!(s.remaining, remaining);
        assert_eq!(s.reset_s, 55);
    }
    let over = check(&limiter, "alice", Access::Write).await;
    assert!(!over.allowed);
    let err = limiter
        .enforce::<Limited>("login", "alice", Access::Read)
        .await
        .unwrap_err();
    assert_eq!(err.status(), StatusCode::TOO_MANY_REQUESTS);

    // Another key has its own counter.
    assert_eq!(check(&limiter, "bob", Access::Write).await.remaining, 2);

    // Clones share counters; the next window starts from zero.
    let clone = limiter.clone();
    assert!(!check(&clone, "alice", Access::Write).await.allowed);
    clock.advance(Duration::from_secs(54));
    assert!(!check(&limiter, "alice", Access::Write).await.allowed);
    clock.advance(Duration::from_secs(1));
    let fresh = check(&limiter, "alice", Access::Write).await;
    assert!(fresh.allowed);
    assert_eq!((fresh.remaining, fresh.reset_s), (2, 60));
    // The ended window's counters are purged.
    assert_eq!(
        match &limiter.inner.store {
            Store::Memory(m) => m.purge_expired(clock.now()),
            _ => unreachable!(),
        },
        2
    );
}

#[tokio::test]
async fn an_unknown_policy_is_a_500_not_a_panic() {
    let limiter = limiter(RateLimitBackend::Memory, None);
    let err = limiter
        .enforce::<Limited>("no-such-policy", "k", Access::Read)
        .await
        .unwrap_err();
    assert_eq!(err.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(err.into_problem().code(), "internal");
}

#[tokio::test]
async fn a_default_policy_applies_only_when_the_settings_lack_one() {
    let limiter = limiter(RateLimitBackend::Memory, None);
    let default = RateLimitPolicy {
        limit: 2,
        window_s: 60,
    };
    for expected in [true, true, false] {
        let status = limiter
            .check_with::<CommonErrors>("unconfigured", default, "k", Access::Write)
            .await
            .unwrap();
        assert_eq!(status.allowed, expected);
        assert_eq!(status.limit, 2);
    }
    let err = limiter
        .enforce_with::<Limited>("unconfigured", default, "k", Access::Write)
        .await
        .unwrap_err();
    assert_eq!(err.status(), StatusCode::TOO_MANY_REQUESTS);
    // A configured policy wins over the default (`login` allows 3).
    let status = limiter
        .check_with::<CommonErrors>("login", default, "k", Access::Write)
        .await
        .unwrap();
    assert_eq!(status.limit, 3);
}

#[test]
fn the_backend_follows_the_settings_without_connecting() {
    assert_eq!(limiter(RateLimitBackend::Auto, None).backend(), "database");
    assert_eq!(
        limiter(RateLimitBackend::Database, None).backend(),
        "database"
    );
    assert_eq!(
        limiter(RateLimitBackend::Database, Some("redis://127.0.0.1:1")).backend(),
        "database"
    );
    // Built with no runtime and nothing listening: construction never connects.
    assert_eq!(
        limiter(RateLimitBackend::Auto, Some("redis://127.0.0.1:1")).backend(),
        "redis"
    );
    assert_eq!(
        limiter(
            RateLimitBackend::Redis,
            Some("rediss://user:pw@127.0.0.1:1/0")
        )
        .backend(),
        "redis"
    );
    assert_eq!(
        limiter(RateLimitBackend::Memory, Some("redis://127.0.0.1:1")).backend(),
        "memory"
    );

    let s = settings(RateLimitBackend::Redis, None);
    let db = Db::connect(&s.database).unwrap();
    let err = RateLimiter::new(&s, db.clone()).unwrap_err().to_string();
    assert!(err.contains("redis.url"), "{err}");
    let s = settings(RateLimitBackend::Auto, Some("redis://:secret@bad host:x"));
    let err = RateLimiter::new(&s, db).unwrap_err().to_string();
    assert!(
        err.contains("redis.url") && !err.contains("secret"),
        "{err}"
    );
}

#[tokio::test]
async fn a_dead_redis_answers_fast_then_is_skipped_for_the_cool_down() {
    let store = RedisStore::new("redis://127.0.0.1:1").unwrap();
    let started = std::time::Instant::now();
    let first = store.increment("b", 60).await.unwrap_err();
    assert!(
        !matches!(first, redis::RedisUnavailable::CoolingDown),
        "{first}"
    );
    let second = store.increment("b", 60).await.unwrap_err();
    assert!(
        matches!(second, redis::RedisUnavailable::CoolingDown),
        "{second}"
    );
    assert!(
        started.elapsed() < redis::TIMEOUT * 4,
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn reads_fail_open_when_redis_is_down() {
    let limiter = limiter(RateLimitBackend::Redis, Some("redis://127.0.0.1:1"));
    for _ in 0..5 {
        let s = check(&limiter, "alice", Access::Read).await;
        assert!(s.allowed && s.degraded, "{s:?}");
        assert_eq!(s.limit, 3);
    }
}

#[test]
fn backend_warnings_are_throttled_and_count_what_they_held_back() {
    let throttle = WarnThrottle::new();
    assert_eq!(throttle.allow(), Some(0));
    assert_eq!(throttle.allow(), None);
    assert_eq!(throttle.allow(), None);
    // Pretend the quiet period is over.
    throttle.next_ms.store(0, Ordering::Relaxed);
    assert_eq!(throttle.allow(), Some(2));
}

#[tokio::test]
async fn database_counters_are_atomic_upserts_and_ended_windows_are_purged() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = settings(RateLimitBackend::Database, None);
    s.database.url = format!("sqlite://{}", dir.path().join("rl.db").display());
    let db = Db::connect(&s.database).unwrap();
    crate::db::run_migrations(&db).await.unwrap();
    let clock = ManualClock::new(at("2026-11-26 10:00:05"));
    let limiter = RateLimiter::new(&s, db.clone())
        .unwrap()
        .with_clock(clock.clone());
    for _ in 0..4 {
        check(&limiter, "alice", Access::Write).await;
    }
    check(&limiter, "bob", Access::Write).await;
    clock.advance(Duration::from_secs(60));
    let s = check(&limiter, "alice", Access::Write).await;
    assert_eq!((s.allowed, s.remaining), (true, 2));

    let counts = |db: Db| async move {
        db.run(|c| Ok::<_, DbError>((count_buckets(c)?, total_count(c)?)))
            .await
            .unwrap()
    };
    assert_eq!(counts(db.clone()).await, (3, 6));
    // 10:01:05: the 10:00 window ended, the 10:01 one has not.
    assert_eq!(limiter.purge_expired().await.unwrap(), 2);
    assert_eq!(counts(db.clone()).await, (1, 1));
    let now = clock.now() + chrono::Duration::seconds(55);
    let purged = db
        .run(move |c| purge_expired(c, now).map_err(DbError::from))
        .await
        .unwrap();
    assert_eq!(purged, 1);
}
