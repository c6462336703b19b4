//! Database access: one [`AnyConnection`] type over PostgreSQL and SQLite, r2d2 pools,
//! and the only ways request code touches the database: [`Db::write`] (a write
//! transaction), [`Db::write_serializable`] (retried SERIALIZABLE), [`Db::read`] (the
//! replica when configured), [`Db::read_primary`], and [`Db::run`] (no transaction).
//! Backend-only SQL goes through [`each_backend!`](crate::each_backend) and
//! [`select_for_update!`](crate::select_for_update); unique violations are named by
//! [`unique_violation`].

mod backend_split;
mod connection;
mod errors;
mod executor;
mod migrate;
mod pool;
mod request_tx;
mod sqlite_index;
mod tx;

pub(crate) use connection::sqlite_path;
pub use connection::{AnyConnection, ConnectionManager, MultiBackend};
pub use errors::{
    UniqueViolation, diesel_error, is_connection_error, is_serialization_failure, unique_violation,
};
pub use migrate::{MIGRATIONS_POSTGRES, MIGRATIONS_SQLITE, migrations_pending, run_migrations};
pub use pool::{Db, DbError, PoolStats};
pub(crate) use request_tx::RequestTx;
pub use tx::SERIALIZABLE_ATTEMPTS;
