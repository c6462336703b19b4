//! Settings of the platform primitives: jobs and the outbox, idempotency keys, rate
//! limits and Redis.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `jobs.*` keys: the job queue and the outbox dispatcher that runs on it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct JobSettings {
    /// Run workers and the outbox dispatcher in `haven serve`.
    pub enabled: bool,
    /// How often an idle worker looks for due jobs.
    pub poll_interval_ms: u64,
    /// Jobs claimed per poll.
    pub batch_size: u32,
    /// Jobs running at once on this node.
    pub concurrency: u32,
    /// A running job whose node stopped heartbeating for this long is reclaimed.
    pub visibility_timeout_ms: u64,
    /// Attempts before a job (or an event delivery) is dead-lettered.
    pub max_attempts: u32,
    /// First retry delay; doubles per attempt.
    pub backoff_base_ms: u64,
    /// Longest retry delay.
    pub backoff_max_ms: u64,
}

impl Default for JobSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            poll_interval_ms: 250,
            batch_size: 32,
            concurrency: 8,
            visibility_timeout_ms: 30_000,
            max_attempts: 8,
            backoff_base_ms: 1_000,
            backoff_max_ms: 300_000,
        }
    }
}

/// `idempotency.*` keys.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct IdempotencySettings {
    /// How long a completed response is replayed for a retried key.
    pub ttl_s: u64,
}

impl Default for IdempotencySettings {
    fn default() -> Self {
        Self { ttl_s: 24 * 3600 }
    }
}

/// Where rate-limit counters live.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RateLimitBackend {
    /// Redis when `redis.url` is set, else the database.
    Auto,
    /// Redis (requires `redis.url`).
    Redis,
    /// The database (shared by all nodes).
    Database,
    /// This process only: single-node development.
    Memory,
}

/// `rate_limiter.*` keys.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct RateLimiterSettings {
    /// `auto`, `redis`, `database` or `memory`.
    pub backend: RateLimitBackend,
}

impl Default for RateLimiterSettings {
    fn default() -> Self {
        Self {
            backend: RateLimitBackend::Auto,
        }
    }
}

/// One named policy: `rate_limits.<policy>.{limit, window_s}`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RateLimitPolicy {
    /// Requests allowed per window.
    pub limit: u32,
    /// Window length in seconds.
    pub window_s: u64,
}

/// Named rate-limit policies.
pub type RateLimits = BTreeMap<String, RateLimitPolicy>;

/// `redis.*` keys.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct RedisSettings {
    /// `redis://host:port/db`; unset means no Redis.
    pub url: Option<String>,
}
