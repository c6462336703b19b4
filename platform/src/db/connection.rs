//! The connection type and the r2d2 manager that opens it.

use std::sync::atomic::{AtomicBool, Ordering};

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
}

/// Opens [`AnyConnection`]s for r2d2.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: String,
    sqlite_busy_timeout_ms: u64,
}

impl ConnectionManager {
    /// A manager for `url` (scheme already validated by the settings).
    pub fn new(url: &str, sqlite_busy_timeout_ms: u64) -> Self {
        Self {
            url: url.to_owned(),
            sqlite_busy_timeout_ms,
        }
    }
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = Pooled;
    type Error = ConnectionError;

    fn connect(&self) -> Result<Pooled, ConnectionError> {
        let conn = AnyConnection::open(&self.url, self.sqlite_busy_timeout_ms)?;
        Ok(Pooled {
            conn,
            broken: AtomicBool::new(false),
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
