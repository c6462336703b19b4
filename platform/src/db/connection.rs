//! The connection type and the r2d2 manager that opens it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, ConnectionError};

use crate::config::Backend;

/// One connection to either backend; queries are written once in the diesel DSL.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    /// Production.
    Postgresql(PgConnection),
    /// Embedded default.
    Sqlite(SqliteConnection),
}

impl AnyConnection {
    /// Which backend this connection talks to.
    pub fn backend(&self) -> Backend {
        match self {
            Self::Postgresql(_) => Backend::Postgres,
            Self::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// Opens a connection, keeping the driver's real error (diesel's `MultiConnection`
    /// would only say "Invalid connection url").
    pub fn open(url: &str, sqlite_busy_timeout_ms: u64) -> Result<Self, ConnectionError> {
        match Backend::from_url(url).map_err(ConnectionError::InvalidConnectionUrl)? {
            Backend::Postgres => Ok(Self::Postgresql(PgConnection::establish(url)?)),
            Backend::Sqlite => {
                let path = sqlite_path(url);
                if let Some(parent) = std::path::Path::new(path).parent()
                    && !parent.as_os_str().is_empty()
                {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        ConnectionError::BadConnection(format!(
                            "cannot create directory {}: {e}",
                            parent.display()
                        ))
                    })?;
                }
                let mut conn = SqliteConnection::establish(path)?;
                // WAL lets readers run beside the single writer; busy_timeout makes a
                // writer wait for the lock instead of failing at once; NORMAL is durable
                // under WAL except for the last transactions on power loss.
                conn.batch_execute(&format!(
                    "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = {sqlite_busy_timeout_ms}; \
                     PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
                ))
                .map_err(ConnectionError::CouldntSetupConfiguration)?;
                Ok(Self::Sqlite(conn))
            }
        }
    }
}

/// `sqlite://data/haven.db` → `data/haven.db`; `sqlite:///abs.db` → `/abs.db`.
pub(crate) fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://").unwrap_or(url)
}

/// A pooled connection plus a flag [`crate::Db::run`] sets when the connection turned out
/// to be dead, so r2d2 drops it instead of handing it out again.
pub struct Pooled {
    pub(crate) conn: AnyConnection,
    pub(crate) broken: AtomicBool,
    /// What the last failed statement on this connection looked like.
    pub(crate) probe: Arc<super::errors::ConnectionProbe>,
}

/// Opens [`AnyConnection`]s for r2d2.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: String,
    sqlite_busy_timeout_ms: u64,
    gate: Arc<ConnectGate>,
}

impl ConnectionManager {
    /// A manager for `url` (scheme already validated by the settings) whose connects
    /// pass through `gate`.
    pub(crate) fn new(url: &str, sqlite_busy_timeout_ms: u64, gate: Arc<ConnectGate>) -> Self {
        Self {
            url: url.to_owned(),
            sqlite_busy_timeout_ms,
            gate,
        }
    }
}

/// Counts the connections being opened and refuses new ones once closed.
///
/// r2d2 opens connections on threads of its own that nothing joins. libpq's OpenSSL
/// tears itself down in an `atexit` handler, so a process that exits while one of those
/// threads is still in a TLS handshake dies of SIGSEGV (diesel#3441, r2d2#137; CI saw it
/// once after a test of 40 concurrent callers). Closing the gate before exit, and waiting
/// for the connects under way, leaves no thread inside libpq when the process ends.
#[derive(Debug, Default)]
pub(crate) struct ConnectGate {
    state: Mutex<GateState>,
    settled: Condvar,
}

#[derive(Debug, Default)]
struct GateState {
    closed: bool,
    opening: usize,
}

/// One connect under way; dropping it wakes a [`ConnectGate::close`] waiting for it.
pub(crate) struct Opening<'a>(&'a ConnectGate);

impl ConnectGate {
    fn state(&self) -> std::sync::MutexGuard<'_, GateState> {
        // The state is two plain fields updated in one statement each: never half-written.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Admits one connect, or `None` once the gate is closed.
    pub(crate) fn enter(&self) -> Option<Opening<'_>> {
        let mut state = self.state();
        if state.closed {
            return None;
        }
        state.opening += 1;
        Some(Opening(self))
    }

    /// Refuses every later connect and waits up to `within` for those under way. Whether
    /// none is left (a connect hanging on an unreachable host may outlast `within`).
    pub(crate) fn close(&self, within: Duration) -> bool {
        let deadline = Instant::now() + within;
        let mut state = self.state();
        state.closed = true;
        while state.opening > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            state = self
                .settled
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        true
    }
}

impl Drop for Opening<'_> {
    fn drop(&mut self) {
        self.0.state().opening -= 1;
        self.0.settled.notify_all();
    }
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = Pooled;
    type Error = ConnectionError;

    fn connect(&self) -> Result<Pooled, ConnectionError> {
        let Some(_opening) = self.gate.enter() else {
            return Err(ConnectionError::BadConnection(
                "the connection pool is closed".to_owned(),
            ));
        };
        let mut conn = AnyConnection::open(&self.url, self.sqlite_busy_timeout_ms)?;
        let probe = Arc::new(super::errors::ConnectionProbe::default());
        conn.set_instrumentation(super::errors::ProbeInstrumentation(Arc::clone(&probe)));
        Ok(Pooled {
            conn,
            broken: AtomicBool::new(false),
            probe,
        })
    }

    fn is_valid(&self, pooled: &mut Pooled) -> Result<(), ConnectionError> {
        pooled
            .conn
            .batch_execute("SELECT 1")
            .map_err(ConnectionError::CouldntSetupConfiguration)
    }

    fn has_broken(&self, pooled: &mut Pooled) -> bool {
        pooled.broken.load(Ordering::Relaxed)
            || diesel::r2d2::R2D2Connection::is_broken(&mut pooled.conn)
    }
}

#[cfg(test)]
mod tests {
    use diesel::RunQueryDsl;
    use diesel::sql_types::{BigInt, Text};

    use super::*;

    #[derive(diesel::QueryableByName)]
    struct Mode {
        #[diesel(sql_type = Text)]
        journal_mode: String,
    }

    #[derive(diesel::QueryableByName)]
    struct Flag {
        #[diesel(sql_type = BigInt)]
        v: i64,
    }

    fn pragma(conn: &mut SqliteConnection, name: &str) -> i64 {
        diesel::sql_query(format!("SELECT (SELECT * FROM pragma_{name}) AS v"))
            .get_result::<Flag>(conn)
            .unwrap()
            .v
    }

    #[test]
    fn sqlite_connections_use_wal_busy_timeout_foreign_keys_and_normal_sync() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/nested/haven.db", dir.path().display());
        let AnyConnection::Sqlite(mut conn) = AnyConnection::open(&url, 1234).unwrap() else {
            panic!("expected SQLite");
        };
        let mode = diesel::sql_query("PRAGMA journal_mode")
            .get_result::<Mode>(&mut conn)
            .unwrap();
        assert_eq!(mode.journal_mode, "wal");
        assert_eq!(pragma(&mut conn, "busy_timeout"), 1234);
        assert_eq!(pragma(&mut conn, "foreign_keys"), 1);
        assert_eq!(pragma(&mut conn, "synchronous"), 1, "NORMAL is 1");
    }

    #[test]
    fn a_closed_gate_refuses_connects_and_close_waits_for_those_under_way() {
        let gate = Arc::new(ConnectGate::default());
        let (entered, wait_entered) = std::sync::mpsc::channel();
        let (release, wait_release) = std::sync::mpsc::channel::<()>();
        let opener = {
            let gate = Arc::clone(&gate);
            std::thread::spawn(move || {
                let opening = gate.enter().unwrap();
                entered.send(()).unwrap();
                wait_release.recv().unwrap();
                drop(opening);
            })
        };
        wait_entered.recv().unwrap();
        assert!(
            !gate.close(Duration::from_millis(50)),
            "a connect is still under way"
        );
        assert!(gate.enter().is_none(), "closed: no new connect");
        let closer = {
            let gate = Arc::clone(&gate);
            std::thread::spawn(move || gate.close(Duration::from_secs(30)))
        };
        release.send(()).unwrap();
        assert!(
            closer.join().unwrap(),
            "close returns once the connect ended"
        );
        opener.join().unwrap();
    }

    #[test]
    fn a_closed_manager_opens_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let gate = Arc::new(ConnectGate::default());
        let url = format!("sqlite://{}/haven.db", dir.path().display());
        let manager = ConnectionManager::new(&url, 0, Arc::clone(&gate));
        assert!(r2d2::ManageConnection::connect(&manager).is_ok());
        assert!(gate.close(Duration::ZERO));
        let err = r2d2::ManageConnection::connect(&manager).err().unwrap();
        assert!(err.to_string().contains("closed"), "{err}");
    }

    #[derive(diesel::QueryableByName)]
    struct Used {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        used: i32,
    }

    /// docs/adr/0007: without the query-planner stability guarantee, every statement with
    /// a bound LIMIT is compiled again on each execution.
    #[test]
    fn the_bundled_sqlite_keeps_plans_stable_across_bound_values() {
        let mut conn = SqliteConnection::establish(":memory:").unwrap();
        let option = diesel::sql_query("SELECT sqlite_compileoption_used('ENABLE_QPSG') AS used")
            .get_result::<Used>(&mut conn)
            .unwrap();
        assert_eq!(
            option.used, 1,
            "build with LIBSQLITE3_FLAGS=SQLITE_ENABLE_QPSG"
        );
    }

    #[test]
    fn a_bad_url_keeps_the_drivers_error() {
        let err = AnyConnection::open("mysql://x", 0).err().unwrap();
        assert!(err.to_string().contains("sqlite://"), "{err}");
        let err = AnyConnection::open("sqlite:///proc/forbidden/dir/x.db", 0)
            .err()
            .unwrap();
        assert!(err.to_string().contains("/proc/forbidden"), "{err}");
    }
}
