//! Rate limiting with named policies from config (`rate_limits.<policy>`), shared by all
//! nodes through Redis or the database.
//!
//! An endpoint picks a policy and a key (an IP address, a principal id, an email…) and
//! calls [`RateLimiter::enforce`]; over the limit it answers `429 rate_limited` with
//! `Retry-After` and `RateLimit-Limit/Remaining/Reset`. Counting uses fixed windows
//! aligned to the Unix epoch, keyed by (policy, hashed key, window index), with one
//! atomic increment per request, so a limit of 10 per minute lets exactly 10 through
//! per window whichever nodes the requests reach.
//!
//! Backends (`rate_limiter.backend`): Redis when `redis.url` is set (`auto` or `redis`),
//! else the database table `platform_rate_limits`; `memory` only when configured, for
//! single-node development. When Redis fails, reads are let through (fail open) and
//! writes are counted in the database instead; when the database fails, reads are let
//! through and writes answer `503`. A limiter problem never becomes a `500` — except an
//! unknown policy name, which is a bug in the calling code.

mod database;
mod memory;
mod redis;
mod window;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use poem::http::header::HeaderName;
use poem::http::{HeaderValue, StatusCode};

use self::memory::MemoryStore;
use self::redis::RedisStore;
use self::window::Window;
use crate::config::{RateLimitBackend, RateLimitPolicy, RateLimits, Settings};
use crate::db::{Db, DbError};
use crate::http::domain_error::DomainError;
use crate::http::problem::{ApiError, Code, ErrorSet, ProblemError};

pub use self::database::{count_buckets, purge_expired, total_count};
pub use self::window::{Clock, ManualClock};

/// `RateLimit-Limit`: requests allowed per window.
pub const RATELIMIT_LIMIT: HeaderName = HeaderName::from_static("ratelimit-limit");
/// `RateLimit-Remaining`: requests left in the current window.
pub const RATELIMIT_REMAINING: HeaderName = HeaderName::from_static("ratelimit-remaining");
/// `RateLimit-Reset`: seconds until the current window ends.
pub const RATELIMIT_RESET: HeaderName = HeaderName::from_static("ratelimit-reset");

/// At most one warning per this many milliseconds about a failing backend.
const WARN_EVERY_MS: u64 = 30_000;

/// What the limited request does; decides what happens when the backend is down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reads: let through when counters cannot be reached (fail open).
    Read,
    /// Writes (logins, sign-ups, anything that costs or changes state): still limited,
    /// through the database, when Redis is down; `503` when the database is down too.
    Write,
}

/// The outcome of one check, with the values of the `RateLimit-*` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimitStatus {
    /// Whether the request may go ahead.
    pub allowed: bool,
    /// Requests allowed per window.
    pub limit: u32,
    /// Requests left in this window after this one.
    pub remaining: u32,
    /// Seconds until the window ends (and the count starts again); at least 1.
    pub reset_s: u64,
    /// The counters could not be reached and the request was let through uncounted.
    pub degraded: bool,
}

impl RateLimitStatus {
    fn counted(policy: RateLimitPolicy, window: &Window, count: u64) -> Self {
        let limit = u64::from(policy.limit);
        Self {
            allowed: count <= limit,
            limit: policy.limit,
            remaining: u32::try_from(limit.saturating_sub(count)).unwrap_or(0),
            reset_s: window.reset_s,
            degraded: false,
        }
    }

    fn fail_open(policy: RateLimitPolicy, window: &Window) -> Self {
        Self {
            allowed: true,
            limit: policy.limit,
            remaining: policy.limit,
            reset_s: window.reset_s,
            degraded: true,
        }
    }

    /// `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (IETF draft
    /// semantics, reset in seconds), for endpoints that add them to success responses.
    pub fn headers(&self) -> [(HeaderName, HeaderValue); 3] {
        [
            (RATELIMIT_LIMIT, HeaderValue::from(self.limit)),
            (RATELIMIT_REMAINING, HeaderValue::from(self.remaining)),
            (RATELIMIT_RESET, HeaderValue::from(self.reset_s)),
        ]
    }

    /// The `429 rate_limited` problem with `Retry-After` and the `RateLimit-*` headers
    /// (`S` must document it: name [`RateLimited`] in its `error_set!`).
    pub fn to_error<S: ErrorSet>(&self) -> ApiError<S> {
        ApiError::from(RateLimited(*self))
    }
}

/// A request over its rate limit: `429 rate_limited` with `Retry-After` and the
/// `RateLimit-*` headers. Name it in the `error_set!` of every operation that enforces a
/// limit ([`RateLimiter::enforce`] fails to compile otherwise).
#[derive(Debug, Clone, thiserror::Error)]
#[error("rate limited")]
pub struct RateLimited(pub RateLimitStatus);

impl DomainError for RateLimited {
    const CODES: &'static [Code] = &[(429, "rate_limited")];

    fn into_problem(self) -> ProblemError {
        let status = self.0;
        let mut error = ProblemError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited")
            .with_detail(format!(
                "Too many requests; retry in {} seconds.",
                status.reset_s
            ))
            .with_retry_after(status.reset_s);
        for (name, value) in status.headers() {
            error = error.with_header(name, value);
        }
        error
    }
}

/// The platform rate limiter; cheap to clone (clones share the counters).
#[derive(Clone)]
pub struct RateLimiter {
    inner: Arc<Inner>,
    clock: Clock,
}

struct Inner {
    policies: RateLimits,
    store: Store,
    /// The `database` backend, and where writes are counted while Redis is down.
    db: Db,
    warnings: WarnThrottle,
}

enum Store {
    Memory(MemoryStore),
    Database,
    Redis(Box<RedisStore>),
}

impl Store {
    fn name(&self) -> &'static str {
        match self {
            Self::Memory(_) => "memory",
            Self::Database => "database",
            Self::Redis(_) => "redis",
        }
    }
}

impl std::fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimiter")
            .field("backend", &self.inner.store.name())
            .field("policies", &self.inner.policies)
            .field("clock", &self.clock)
            .finish_non_exhaustive()
    }
}

impl RateLimiter {
    /// Builds the limiter for the configured backend without connecting yet.
    pub fn new(settings: &Settings, db: Db) -> anyhow::Result<Self> {
        let redis_url = settings.redis.url.as_deref();
        let store = match (settings.rate_limiter.backend, redis_url) {
            (RateLimitBackend::Memory, _) => Store::Memory(MemoryStore::default()),
            (RateLimitBackend::Database, _) | (RateLimitBackend::Auto, None) => Store::Database,
            (RateLimitBackend::Redis | RateLimitBackend::Auto, Some(url)) => {
                Store::Redis(Box::new(RedisStore::new(url)?))
            }
            (RateLimitBackend::Redis, None) => {
                anyhow::bail!("rate_limiter.backend: `redis` needs redis.url to be set")
            }
        };
        Ok(Self {
            inner: Arc::new(Inner {
                policies: settings.rate_limits.clone(),
                store,
                db,
                warnings: WarnThrottle::new(),
            }),
            clock: Clock::System,
        })
    }

    /// The same limiter (sharing its counters and connections) reading time from `clock`.
    #[must_use]
    pub fn with_clock(&self, clock: impl Into<Clock>) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
            clock: clock.into(),
        }
    }

    /// `redis`, `database` or `memory`.
    pub fn backend(&self) -> &'static str {
        self.inner.store.name()
    }

    /// The configured policy called `name`.
    pub fn policy(&self, name: &str) -> Option<RateLimitPolicy> {
        self.inner.policies.get(name).copied()
    }

    /// Counts one request of `key` under `policy` and says whether it may go ahead.
    ///
    /// `key` is the caller's choice (IP, principal id, email…); it is hashed before it is
    /// stored and never logged. An unknown `policy` is a bug: `500`, logged.
    pub async fn check<S: ErrorSet>(
        &self,
        policy: &str,
        key: &str,
        access: Access,
    ) -> Result<RateLimitStatus, ApiError<S>> {
        self.check_common(policy, None, key, access)
            .await
            .map_err(ApiError::widen)
    }

    /// Like [`RateLimiter::check`], with `default` as the policy when the settings have
    /// no `rate_limits.<policy>`: for a module that ships sensible limits of its own
    /// (e.g. identity's login limits), which the operator may still override.
    pub async fn check_with<S: ErrorSet>(
        &self,
        policy: &str,
        default: RateLimitPolicy,
        key: &str,
        access: Access,
    ) -> Result<RateLimitStatus, ApiError<S>> {
        self.check_common(policy, Some(default), key, access)
            .await
            .map_err(ApiError::widen)
    }

    /// [`RateLimiter::enforce`] with a built-in default policy, as in
    /// [`RateLimiter::check_with`]: never `500` for a missing policy.
    pub async fn enforce_with<S: ErrorSet>(
        &self,
        policy: &str,
        default: RateLimitPolicy,
        key: &str,
        access: Access,
    ) -> Result<RateLimitStatus, ApiError<S>> {
        let status = self.check_with(policy, default, key, access).await?;
        if status.allowed {
            Ok(status)
        } else {
            Err(status.to_error())
        }
    }

    /// Like [`RateLimiter::check`], but over the limit it returns the `429` problem, so an
    /// endpoint writes `limiter.enforce("login", &email, Access::Write).await?;`.
    pub async fn enforce<S: ErrorSet>(
        &self,
        policy: &str,
        key: &str,
        access: Access,
    ) -> Result<RateLimitStatus, ApiError<S>> {
        let status = self.check(policy, key, access).await?;
        if status.allowed {
            Ok(status)
        } else {
            Err(status.to_error())
        }
    }

    /// Deletes counters of ended windows (database and memory); for a recurring job.
    pub async fn purge_expired(&self) -> Result<usize, DbError> {
        let now = self.clock.now();
        let in_memory = match &self.inner.store {
            Store::Memory(memory) => memory.purge_expired(now),
            Store::Database | Store::Redis(_) => 0,
        };
        let in_database = self
            .inner
            .db
            .run(move |conn| database::purge_expired(conn, now).map_err(DbError::from))
            .await?;
        Ok(in_memory + in_database)
    }

    async fn check_common(
        &self,
        policy_name: &str,
        default: Option<RateLimitPolicy>,
        key: &str,
        access: Access,
    ) -> Result<RateLimitStatus, ApiError> {
        let Some(policy) = self.policy(policy_name).or(default) else {
            return Err(ApiError::internal(&format!(
                "rate-limit policy `{policy_name}` is not configured; \
                 add [rate_limits.{policy_name}] with limit and window_s to the settings"
            )));
        };
        describe_metrics();
        let now = self.clock.now();
        let window = Window::at(now, policy.window_s);
        let bucket = window::bucket(policy_name, &window, key);
        let status = match self.count(&bucket, &window, now, access).await? {
            Some(count) => RateLimitStatus::counted(policy, &window, count),
            None => RateLimitStatus::fail_open(policy, &window),
        };
        let outcome = if status.allowed { "allowed" } else { "limited" };
        metrics::counter!(
            "haven_rate_limit_decisions_total",
            "policy" => policy_name.to_owned(),
            "outcome" => outcome
        )
        .increment(1);
        Ok(status)
    }

    /// The count after this request, or `None` to let it through uncounted.
    async fn count(
        &self,
        bucket: &str,
        window: &Window,
        now: chrono::NaiveDateTime,
        access: Access,
    ) -> Result<Option<u64>, ApiError> {
        match &self.inner.store {
            Store::Memory(memory) => Ok(Some(memory.increment(bucket, window.end(), now))),
            Store::Database => self.count_in_database(bucket, window, access).await,
            Store::Redis(redis) => match redis.increment(bucket, window.reset_s + 1).await {
                Ok(count) => Ok(Some(count)),
                Err(error) => {
                    self.backend_failed("redis", &error, access);
                    match access {
                        Access::Read => Ok(None),
                        Access::Write => self.count_in_database(bucket, window, access).await,
                    }
                }
            },
        }
    }

    async fn count_in_database(
        &self,
        bucket: &str,
        window: &Window,
        access: Access,
    ) -> Result<Option<u64>, ApiError> {
        let bucket = bucket.to_owned();
        let expires_at = window.end();
        let result = self
            .inner
            .db
            .run(move |conn| database::increment(conn, &bucket, expires_at).map_err(DbError::from))
            .await;
        match result {
            Ok(count) => Ok(Some(u64::try_from(count).unwrap_or(0))),
            Err(error) => {
                self.backend_failed("database", &error, access);
                match (access, error) {
                    (Access::Read, _) => Ok(None),
                    (Access::Write, error @ DbError::Unavailable(_)) => Err(ApiError::from(error)),
                    (Access::Write, error) => {
                        tracing::warn!(%error, "rate-limit counters unavailable; refusing a write");
                        Err(ApiError::unavailable(
                            "Rate limits cannot be checked right now; retry shortly.",
                        ))
                    }
                }
            }
        }
    }

    fn backend_failed(&self, backend: &'static str, error: &dyn std::fmt::Display, access: Access) {
        metrics::counter!("haven_rate_limit_backend_errors_total", "backend" => backend)
            .increment(1);
        if let Some(suppressed) = self.inner.warnings.allow() {
            let fallback = match (backend, access) {
                ("redis", Access::Write) => "counting writes in the database",
                (_, Access::Read) => "letting reads through",
                _ => "refusing writes",
            };
            tracing::warn!(
                backend,
                %error,
                suppressed,
                "rate-limit backend failed; {fallback} (similar warnings are suppressed for {}s)",
                WARN_EVERY_MS / 1000
            );
        }
    }
}

/// Lets one warning through per [`WARN_EVERY_MS`] and counts the ones it held back.
struct WarnThrottle {
    epoch: Instant,
    next_ms: AtomicU64,
    suppressed: AtomicU64,
}

impl WarnThrottle {
    fn new() -> Self {
        Self {
            epoch: Instant::now(),
            next_ms: AtomicU64::new(0),
            suppressed: AtomicU64::new(0),
        }
    }

    /// `Some(how many were suppressed since the last one)` when this one may be logged.
    fn allow(&self) -> Option<u64> {
        let now = u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX);
        let next = self.next_ms.load(Ordering::Relaxed);
        if now >= next
            && self
                .next_ms
                .compare_exchange(
                    next,
                    now.saturating_add(WARN_EVERY_MS),
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                )
                .is_ok()
        {
            Some(self.suppressed.swap(0, Ordering::Relaxed))
        } else {
            self.suppressed.fetch_add(1, Ordering::Relaxed);
            None
        }
    }
}

fn describe_metrics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        metrics::describe_counter!(
            "haven_rate_limit_decisions_total",
            "Rate-limit checks by policy and outcome (allowed, limited)"
        );
        metrics::describe_counter!(
            "haven_rate_limit_backend_errors_total",
            "Rate-limit checks whose counter backend (redis, database) failed or was skipped"
        );
    });
}

#[cfg(test)]
mod tests;
