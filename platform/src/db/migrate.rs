//! Embedded migrations, one set per backend.

use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::{AnyConnection, Db, DbError};

/// PostgreSQL migrations, compiled into the binary.
pub const MIGRATIONS_POSTGRES: EmbeddedMigrations = embed_migrations!("../migrations/postgres");
/// SQLite migrations, compiled into the binary.
pub const MIGRATIONS_SQLITE: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");

fn migration_error(e: impl std::fmt::Display) -> DbError {
    DbError::Unavailable(format!("migration failed: {e}"))
}

/// Applies pending migrations; returns the versions applied.
pub async fn run_migrations(db: &Db) -> Result<Vec<String>, DbError> {
    db.run(|conn| {
        let applied = match conn {
            AnyConnection::Postgresql(c) => c.run_pending_migrations(MIGRATIONS_POSTGRES),
            AnyConnection::Sqlite(c) => c.run_pending_migrations(MIGRATIONS_SQLITE),
        }
        .map_err(migration_error)?;
        Ok(applied.into_iter().map(|v| v.to_string()).collect())
    })
    .await
}

/// Whether any embedded migration has not been applied yet.
pub async fn migrations_pending(db: &Db) -> Result<bool, DbError> {
    db.run(|conn| {
        match conn {
            AnyConnection::Postgresql(c) => c.has_pending_migration(MIGRATIONS_POSTGRES),
            AnyConnection::Sqlite(c) => c.has_pending_migration(MIGRATIONS_SQLITE),
        }
        .map_err(migration_error)
    })
    .await
}
