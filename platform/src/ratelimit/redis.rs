//! Counters in Redis (`redis.url`), shared by every node: one atomic `MULTI` of
//! `INCR` + `EXPIRE` per check.
//!
//! The connection is opened on first use, never at start-up, and every call is bounded by
//! [`TIMEOUT`]; after a failure Redis is left alone for [`COOL_DOWN`] so a dead or
//! black-holed server costs at most one slow call per cool-down, not one per request.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use ::redis::aio::{ConnectionManager, ConnectionManagerConfig};
use tokio::sync::OnceCell;

/// Longest a rate-limit check waits for Redis (connecting included).
pub(crate) const TIMEOUT: Duration = Duration::from_millis(250);
/// How long Redis is skipped after it failed.
pub(crate) const COOL_DOWN: Duration = Duration::from_secs(1);
/// Prefix of every key the limiter writes.
const KEY_PREFIX: &str = "haven:rl:";

/// Why Redis did not answer.
#[derive(Debug, thiserror::Error)]
pub(crate) enum RedisUnavailable {
    /// Redis failed less than [`COOL_DOWN`] ago; not asked.
    #[error("redis failed recently; skipped for {}s", COOL_DOWN.as_secs())]
    CoolingDown,
    /// No answer within [`TIMEOUT`].
    #[error("redis did not answer within {} ms", TIMEOUT.as_millis())]
    Timeout,
    /// Connection or command error.
    #[error("redis error: {0}")]
    Redis(#[from] ::redis::RedisError),
}

pub(crate) struct RedisStore {
    client: ::redis::Client,
    manager: OnceCell<ConnectionManager>,
    /// Milliseconds after `epoch` before which Redis is not asked (0: ask).
    skip_until_ms: AtomicU64,
    epoch: Instant,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The client's connection info may hold a password: leave it out.
        f.debug_struct("RedisStore")
            .field("connected", &self.manager.initialized())
            .finish_non_exhaustive()
    }
}

impl RedisStore {
    /// Parses `url`; connects on first use.
    pub fn new(url: &str) -> anyhow::Result<Self> {
        let client = ::redis::Client::open(url).map_err(|e| anyhow::anyhow!("redis.url: {e}"))?;
        Ok(Self {
            client,
            manager: OnceCell::new(),
            skip_until_ms: AtomicU64::new(0),
            epoch: Instant::now(),
        })
    }

    /// Adds one to `bucket`, sets it to expire in `ttl_s` seconds, and returns the count.
    pub async fn increment(&self, bucket: &str, ttl_s: u64) -> Result<u64, RedisUnavailable> {
        if self.elapsed_ms() < self.skip_until_ms.load(Ordering::Relaxed) {
            return Err(RedisUnavailable::CoolingDown);
        }
        let key = format!("{KEY_PREFIX}{bucket}");
        let attempt = async {
            let mut conn = self.connection().await?.clone();
            let (count,): (u64,) = ::redis::pipe()
                .atomic()
                .incr(&key, 1u64)
                .expire(&key, i64::try_from(ttl_s).unwrap_or(i64::MAX))
                .ignore()
                .query_async(&mut conn)
                .await?;
            Ok(count)
        };
        let result = match tokio::time::timeout(TIMEOUT, attempt).await {
            Ok(result) => result,
            Err(_elapsed) => Err(RedisUnavailable::Timeout),
        };
        if result.is_err() {
            let until = self.elapsed_ms().saturating_add(millis(COOL_DOWN));
            self.skip_until_ms.store(until, Ordering::Relaxed);
        }
        result
    }

    async fn connection(&self) -> Result<&ConnectionManager, ::redis::RedisError> {
        self.manager
            .get_or_try_init(|| {
                let config = ConnectionManagerConfig::new()
                    .set_connection_timeout(Some(TIMEOUT))
                    .set_response_timeout(Some(TIMEOUT))
                    // Each failed call schedules one reconnect; the cool-down spaces them.
                    .set_number_of_retries(0);
                ConnectionManager::new_with_config(self.client.clone(), config)
            })
            .await
    }

    fn elapsed_ms(&self) -> u64 {
        millis(self.epoch.elapsed()).saturating_add(1)
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}
