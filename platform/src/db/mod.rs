//! Database access: one [`AnyConnection`] type over PostgreSQL and SQLite, r2d2 pools,
//! and [`Db::run`], the only way request code touches the database.

mod connection;
mod migrate;
mod pool;

pub(crate) use connection::sqlite_path;
pub use connection::{AnyConnection, ConnectionManager};
pub use migrate::{MIGRATIONS_POSTGRES, MIGRATIONS_SQLITE, migrations_pending, run_migrations};
pub use pool::{Db, DbError, PoolStats};
