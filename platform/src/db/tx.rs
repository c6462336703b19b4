//! Transactions: [`Db::write`], [`Db::write_serializable`], [`Db::read`] and
//! [`Db::read_primary`].
//!
//! Each closure gets `&mut AnyConnection` already inside the transaction, so repository
//! functions keep taking `&mut AnyConnection` and must not open a transaction of their
//! own (diesel's nested `conn.transaction` becomes a savepoint, which is allowed).

use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, Connection, TransactionManager};
use diesel::result::Error;

use super::errors::{diesel_error, is_serialization_failure};
use super::pool::Target;
use super::request_tx::RequestTx;
use super::{AnyConnection, Db, DbError};

/// How many times [`Db::write_serializable`] runs its closure before it gives up and
/// returns the serialization failure.
pub const SERIALIZABLE_ATTEMPTS: u32 = 5;

/// First backoff ceiling before a serializable retry (µs); doubled per attempt, with
/// full jitter so two conflicting transactions do not retry in lockstep.
const RETRY_BASE_MICROS: u64 = 4_000;

#[derive(Debug, Clone, Copy)]
enum Mode {
    Write,
    Serializable,
    ReadOnly,
}

impl Mode {
    fn begin_sql(self, conn: &AnyConnection) -> &'static str {
        match (self, conn) {
            (Self::Write, AnyConnection::Postgresql(_)) => "BEGIN",
            (Self::Serializable, AnyConnection::Postgresql(_)) => {
                "BEGIN ISOLATION LEVEL SERIALIZABLE"
            }
            (Self::ReadOnly, AnyConnection::Postgresql(_)) => "BEGIN READ ONLY",
            // SQLite is serializable already; IMMEDIATE takes the single write lock
            // (waiting up to busy_timeout) before the first read, so the transaction
            // never fails half-way with SQLITE_BUSY when its first write would have to
            // upgrade a read lock another writer made stale.
            (Self::Write | Self::Serializable, AnyConnection::Sqlite(_)) => "BEGIN IMMEDIATE",
            // Deferred: a read snapshot that never blocks the writer.
            (Self::ReadOnly, AnyConnection::Sqlite(_)) => "BEGIN",
        }
    }
}

fn db_err<E: From<DbError>>(e: Error) -> E {
    E::from(DbError::Query(e))
}

/// Runs `f` in one transaction opened with `mode`'s `BEGIN`; commits on `Ok`, rolls back
/// on `Err` (the closure's error wins over a failed rollback, as in diesel).
fn in_transaction<T, E, F>(conn: &mut AnyConnection, mode: Mode, f: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<DbError>,
{
    let value = open_transaction(conn, mode, f)?;
    Manager::commit_transaction(conn).map_err(db_err::<E>)?;
    Ok(value)
}

type Manager = <AnyConnection as Connection>::TransactionManager;

/// Begins a transaction with `mode`'s `BEGIN` and runs `f` in it, leaving it open on
/// `Ok` (for the caller to commit) and rolled back on `Err`.
fn open_transaction<T, E, F>(conn: &mut AnyConnection, mode: Mode, f: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<DbError>,
{
    let sql = mode.begin_sql(conn);
    // Begin on the inner connection: the `MultiConnection` transaction manager delegates
    // to it, so commit, rollback and nested savepoints below see this transaction.
    match conn {
        AnyConnection::Postgresql(c) => AnsiTransactionManager::begin_transaction_sql(c, sql),
        AnyConnection::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, sql),
    }
    .map_err(|e| match e {
        // SQLite's write lock stayed taken for all of busy_timeout: the database is
        // overloaded, a 503 with Retry-After, not a 500.
        Error::DatabaseError(_, ref info) if info.message().contains("database is locked") => {
            E::from(DbError::Unavailable("database busy".to_owned()))
        }
        e => db_err(e),
    })?;
    match f(conn) {
        Ok(value) => Ok(value),
        Err(e) => match Manager::rollback_transaction(conn) {
            Ok(()) | Err(Error::BrokenTransactionManager) => Err(e),
            Err(rollback) => Err(db_err(rollback)),
        },
    }
}

/// Runs `attempt` (one transaction each) up to [`SERIALIZABLE_ATTEMPTS`] times while it
/// fails with a serialization failure, with jittered exponential backoff.
fn retrying<T, E, F>(mut attempt: F) -> Result<T, E>
where
    F: FnMut() -> Result<T, E>,
    E: std::error::Error + 'static,
{
    let mut n = 1;
    loop {
        match attempt() {
            Err(e)
                if n < SERIALIZABLE_ATTEMPTS
                    && diesel_error(&e).is_some_and(is_serialization_failure) =>
            {
                tracing::debug!(attempt = n, "serialization failure; retrying");
                std::thread::sleep(backoff(n));
                n += 1;
            }
            other => return other,
        }
    }
}

/// A random backoff in `[0, RETRY_BASE_MICROS * 2^attempt)` µs.
fn backoff(attempt: u32) -> Duration {
    let ceiling = RETRY_BASE_MICROS << attempt.min(8);
    // Without entropy the backoff is just under the ceiling: bounded, not jittered.
    let random = getrandom::u64().unwrap_or(u64::MAX);
    Duration::from_micros(random % ceiling)
}

impl Db {
    /// Runs `f` in one write transaction on the primary.
    ///
    /// SQLite: `BEGIN IMMEDIATE`, so the transaction holds the write lock from its
    /// first statement; read-then-write code sees the latest state and never fails
    /// half-way with `database is locked`; a lock still taken after
    /// `database.sqlite_busy_timeout_ms` is [`DbError::Unavailable`] (503).
    /// PostgreSQL: `BEGIN` (READ COMMITTED); use
    /// [`select_for_update!`](crate::select_for_update) or [`Db::write_serializable`]
    /// where a decision read must not change before the write.
    ///
    /// Also the right call for a read that must see the caller's own earlier writes.
    ///
    /// Inside a request holding an `Idempotency-Key` claim, the request's writes share
    /// one transaction that commits with the stored response (docs/platform.md
    /// "Database access"), so a crash cannot separate the effects from the answer.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        if let Some(request) = RequestTx::current(self) {
            return request
                .write(
                    f,
                    |conn, f| open_transaction(conn, Mode::Write, f),
                    |_| false,
                )
                .await;
        }
        self.run_on(Target::Primary, move |conn| {
            in_transaction(conn, Mode::Write, f)
        })
        .await
    }

    /// Runs `f` in a SERIALIZABLE transaction on the primary, retrying serialization
    /// failures (`40001`) and deadlocks (`40P01`) up to [`SERIALIZABLE_ATTEMPTS`] runs
    /// in all, with jittered exponential backoff; then the last error is returned.
    ///
    /// `f` may run more than once, each time in a fresh transaction whose earlier
    /// attempt was rolled back: it must not have side effects outside the database
    /// (no emails, no counters) and must rebuild any state it collects. The failure is
    /// found in `E` itself or its `source()` chain (a `DbError` or diesel error), so
    /// an error type with `#[from] DbError` works as is. On SQLite this is
    /// [`Db::write`] (SQLite transactions are serializable).
    pub async fn write_serializable<T, E, F>(&self, mut f: F) -> Result<T, E>
    where
        F: FnMut(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + std::error::Error + Send + 'static,
    {
        if let Some(request) = RequestTx::current(self) {
            return request
                .write(
                    f,
                    |conn, mut f| retrying(|| open_transaction(conn, Mode::Serializable, &mut f)),
                    |e: &E| diesel_error(e).is_some_and(is_serialization_failure),
                )
                .await;
        }
        self.run_on(Target::Primary, move |conn| {
            retrying(|| in_transaction(conn, Mode::Serializable, &mut f))
        })
        .await
    }

    /// Runs read-only `f` on the replica when `database.replica_url` is configured,
    /// else on the primary, in one read-only transaction (PostgreSQL `BEGIN READ
    /// ONLY`, so a write fails; SQLite a deferred snapshot).
    ///
    /// The replica lags the primary. Keep on the primary ([`Db::read_primary`], or
    /// inside [`Db::write`]):
    /// - reads right after the caller's own write (read-your-own-writes: the page shown
    ///   after a POST, a resource just created);
    /// - authentication and live-account checks (a disabled account, a revoked session
    ///   must take effect at once);
    /// - reads a write decides on (those belong inside the write's transaction).
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        if let Some(request) = RequestTx::joining(self) {
            return request.join(f).await;
        }
        self.run_on(Target::Replica, move |conn| {
            in_transaction(conn, Mode::ReadOnly, f)
        })
        .await
    }

    /// Like [`Db::read`] but always on the primary: for the reads [`Db::read`] lists
    /// as needing the latest state. A read of exactly one statement takes [`Db::run`]
    /// instead (no `BEGIN`/`COMMIT` around it).
    pub async fn read_primary<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        if let Some(request) = RequestTx::joining(self) {
            return request.join(f).await;
        }
        self.run_on(Target::Primary, move |conn| {
            in_transaction(conn, Mode::ReadOnly, f)
        })
        .await
    }
}
