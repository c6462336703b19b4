//! Pools and [`Db::run`]; transactions are in `tx.rs`.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::connection::{AnyConnection, ConnectGate, ConnectionManager, Pooled};
use super::executor::Executor;
use crate::config::{Backend, DatabaseSettings};

/// Why a database call could not be made or failed.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// No connection within `database.acquire_timeout_ms`, or the database went away.
    /// Answered `503` with `Retry-After`.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// The query itself failed.
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    /// The blocking task panicked or was cancelled.
    #[error("database task failed: {0}")]
    Task(String),
}

/// The message of a call that found no connection within the acquire timeout.
pub(super) const NO_CONNECTION: &str =
    "no database connection became free within database.acquire_timeout_ms";

/// Pool occupancy, exported as gauges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    /// Open connections.
    pub size: u32,
    /// Open connections not in use.
    pub idle: u32,
    /// Callers waiting for a connection.
    pub waiting: u32,
}

type Pool = r2d2::Pool<ConnectionManager>;

/// The database handle every module gets: a primary pool and an optional replica pool.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    primary: Gated,
    replica: Option<Gated>,
    backend: Backend,
    acquire_timeout: Duration,
    waiting: std::sync::atomic::AtomicU32,
    liveness_checks: std::sync::atomic::AtomicU64,
}

/// A pool and its database threads (`executor.rs`): calls queue for one of `pool_max`
/// threads, which take them one after another without sleeping while there is work (issue
/// 9: the blocking pool woke a sleeping thread for every call, a third of `/me`'s CPU).
/// Request transactions, which keep a connection across calls, take a permit instead
/// (one per connection) and run on tokio's blocking pool, so a thread of the executor
/// never waits for a call queued behind it.
struct Gated {
    pool: Pool,
    permits: Arc<Semaphore>,
    connects: Arc<ConnectGate>,
    threads: Executor,
}

/// A handle dropped last closes too (see [`Db::close`]).
impl Drop for Inner {
    fn drop(&mut self) {
        self.close();
    }
}

impl Inner {
    fn close(&self) {
        for gated in std::iter::once(&self.primary).chain(&self.replica) {
            if !gated.connects.close(self.acquire_timeout) {
                tracing::warn!("a database connect was still under way when the pool closed");
            }
        }
    }
}

/// The right to one connection of a pool, held from before the blocking hand-off until
/// the connection is back in the pool; and how long the caller may still wait for r2d2.
pub(super) struct Admission {
    pub(super) target: Target,
    pub(super) deadline: Instant,
    /// Declared last: released after whatever the holder declared later (the connection).
    _permit: OwnedSemaphorePermit,
}

/// Which pool a call uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Primary,
    /// The replica when one is configured, else the primary.
    Replica,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.inner.backend)
            .finish_non_exhaustive()
    }
}

impl Db {
    /// Builds the pools without opening a connection, so start-up never blocks on a
    /// database that is briefly away; the first request or readiness check connects.
    pub fn connect(settings: &DatabaseSettings) -> Result<Self, DbError> {
        let backend =
            Backend::from_url(&settings.url).map_err(|m| DbError::Unavailable(m.to_owned()))?;
        let acquire_timeout = Duration::from_millis(settings.acquire_timeout_ms);
        let build = |url: &str| -> Gated {
            let connects = Arc::new(ConnectGate::default());
            let pool = r2d2::Pool::builder()
                .max_size(settings.pool_max)
                .min_idle(Some(0))
                .connection_timeout(acquire_timeout)
                .test_on_check_out(settings.test_on_checkout)
                .error_handler(Box::new(LogConnectErrors))
                .build_unchecked(ConnectionManager::new(
                    url,
                    settings.sqlite_busy_timeout_ms,
                    Arc::clone(&connects),
                ));
            let permits = Arc::new(Semaphore::new(settings.pool_max as usize));
            Gated {
                pool,
                permits,
                connects,
                threads: Executor::new(settings.pool_max, "haven-db"),
            }
        };
        let primary = build(&settings.url);
        let replica = settings.replica_url.as_deref().map(build);
        Ok(Self {
            inner: Arc::new(Inner {
                primary,
                replica,
                backend,
                acquire_timeout,
                waiting: std::sync::atomic::AtomicU32::new(0),
                liveness_checks: std::sync::atomic::AtomicU64::new(0),
            }),
        })
    }

    /// Refuses new connections from now on and waits, up to the acquire timeout, for the
    /// connects r2d2's threads have under way: call it before the process exits (the
    /// end of `haven` commands, of a test app), so no thread is inside libpq when OpenSSL
    /// tears itself down at exit (see `ConnectGate`). Open connections keep serving
    /// until dropped. Blocks the calling thread.
    pub fn close(&self) {
        self.inner.close();
    }

    /// Which backend the primary pool talks to.
    pub fn backend(&self) -> Backend {
        self.inner.backend
    }

    /// Runs `f` with a primary connection on the blocking pool, inside the caller's span,
    /// without a transaction (diesel's autocommit). Prefer [`Db::write`] for anything
    /// that writes and [`Db::read`] for reads; `run` is for work that manages its own
    /// transactions (migrations) or needs no transaction, such as a primary read of
    /// exactly one statement (one statement always sees one snapshot, so the `BEGIN` and
    /// `COMMIT` of [`Db::read_primary`] would only add two round trips on PostgreSQL and
    /// two parsed statements on SQLite: the hot path's `/me` and live-account check).
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        // Inside a keyed request whose transaction is open, even "no transaction" work
        // joins it: a second connection could wait on that transaction's locks.
        if let Some(request) = super::request_tx::RequestTx::joining(self) {
            return request.join(f).await;
        }
        self.run_on(Target::Primary, f).await
    }

    /// Runs `f` on a pooled connection of `target` on one of the pool's database threads
    /// (`executor.rs`); a call that no thread starts within the acquire timeout is
    /// `Unavailable` (503).
    pub(crate) async fn run_on<T, E, F>(&self, target: Target, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let deadline = Instant::now() + self.inner.acquire_timeout;
        let db = self.clone();
        self.gated(target)
            .threads
            .run(deadline, move |deadline| {
                let mut pooled = db.checkout(target, deadline).map_err(E::from)?;
                let result = f(&mut pooled.conn);
                if result.is_err()
                    && let Err(lost) = db.check_after_error(&mut pooled)
                {
                    return Err(E::from(lost));
                }
                result
            })
            .await
    }

    fn gated(&self, target: Target) -> &Gated {
        match (&self.inner.replica, target) {
            (Some(r), Target::Replica) => r,
            _ => &self.inner.primary,
        }
    }

    /// Waits without a thread for a permit of `target`'s pool (a request transaction's
    /// connection), counted as waiting; after `database.acquire_timeout_ms` the call is
    /// `Unavailable` (503).
    pub(super) async fn admit(&self, target: Target) -> Result<Admission, DbError> {
        let deadline = Instant::now() + self.inner.acquire_timeout;
        let permits = Arc::clone(&self.gated(target).permits);
        let permit = match permits.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                self.inner.waiting.fetch_add(1, Ordering::Relaxed);
                let waited =
                    tokio::time::timeout_at(deadline.into(), permits.acquire_owned()).await;
                self.inner.waiting.fetch_sub(1, Ordering::Relaxed);
                match waited {
                    Ok(Ok(permit)) => permit,
                    // The semaphore is never closed; treated as unavailable all the same.
                    Ok(Err(_)) | Err(_) => {
                        return Err(DbError::Unavailable(NO_CONNECTION.to_owned()));
                    }
                }
            }
        };
        Ok(Admission {
            target,
            deadline,
            _permit: permit,
        })
    }

    /// A pooled connection of `target`, waiting in r2d2 until `deadline` at most. A
    /// database thread (one per connection) or a permit (a request transaction) makes a
    /// free connection, or room to open one, the rule; r2d2 waits only while a
    /// connection is being opened or replaced.
    pub(super) fn checkout(
        &self,
        target: Target,
        deadline: Instant,
    ) -> Result<PooledConnection, DbError> {
        let left = deadline.saturating_duration_since(Instant::now());
        let pooled = self
            .gated(target)
            .pool
            .get_timeout(left)
            .map_err(|e| DbError::Unavailable(e.to_string()))?;
        pooled.probe.take_lost();
        Ok(pooled)
    }

    /// After a failed call on `pooled`: only a connection-class error (seen by the
    /// connection's instrumentation) is worth a ping; a NotFound or a constraint
    /// violation is an answer from a healthy connection. A dead connection is dropped
    /// from the pool (r2d2 asks `has_broken` on return) and is `Unavailable` (503).
    pub(super) fn check_after_error(&self, pooled: &mut Pooled) -> Result<(), DbError> {
        if pooled.probe.take_lost() {
            self.inner.liveness_checks.fetch_add(1, Ordering::Relaxed);
            if !is_alive(pooled) {
                pooled.broken.store(true, Ordering::Relaxed);
                return Err(DbError::Unavailable("connection lost".to_owned()));
            }
        }
        Ok(())
    }

    /// Whether `self` and `other` share their pools (clones of one [`Db`]).
    pub(super) fn same_pools(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    /// How many times a failed call pinged its connection to see whether it was alive
    /// (only connection-class errors do; tests assert ordinary errors do not).
    pub fn liveness_checks(&self) -> u64 {
        self.inner.liveness_checks.load(Ordering::Relaxed)
    }

    /// Whether a replica pool is configured.
    pub fn has_replica(&self) -> bool {
        self.inner.replica.is_some()
    }

    /// `SELECT 1` on the primary: the readiness probe.
    pub async fn ping(&self) -> Result<(), DbError> {
        self.run(|conn| conn.batch_execute("SELECT 1").map_err(DbError::from))
            .await
    }

    /// Occupancy of the primary pool.
    pub fn stats(&self) -> PoolStats {
        let state = self.inner.primary.pool.state();
        PoolStats {
            size: state.connections,
            idle: state.idle_connections,
            waiting: self.inner.waiting.load(Ordering::Relaxed)
                + u32::try_from(self.inner.primary.threads.queued()).unwrap_or(u32::MAX),
        }
    }

    /// Occupancy of the replica pool, if any.
    pub fn replica_stats(&self) -> Option<PoolStats> {
        self.inner.replica.as_ref().map(|gated| {
            let state = gated.pool.state();
            PoolStats {
                size: state.connections,
                idle: state.idle_connections,
                waiting: 0,
            }
        })
    }
}

fn is_alive(pooled: &mut Pooled) -> bool {
    pooled.conn.batch_execute("SELECT 1").is_ok()
}

/// A connection checked out of a pool.
pub(super) type PooledConnection = r2d2::PooledConnection<ConnectionManager>;

/// Runs a request transaction's blocking work `f` on tokio's blocking pool inside the
/// caller's span; a panic in `f` is resumed here so the panic handler answers 500 with
/// the request id.
pub(super) async fn blocking<T, E, F>(f: F) -> Result<T, E>
where
    F: FnOnce() -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    let span = tracing::Span::current();
    let task = tokio::task::spawn_blocking(move || {
        let _entered = span.enter();
        f()
    });
    match task.await {
        Ok(result) => result,
        Err(join) if join.is_panic() => std::panic::resume_unwind(join.into_panic()),
        Err(join) => Err(E::from(DbError::Task(join.to_string()))),
    }
}

/// Connection failures go to the log (with the driver's message), not only into the
/// error a request sees.
#[derive(Debug)]
struct LogConnectErrors;

impl r2d2::HandleError<diesel::ConnectionError> for LogConnectErrors {
    fn handle_error(&self, error: diesel::ConnectionError) {
        tracing::warn!(error = %error, "database connection failed");
    }
}
