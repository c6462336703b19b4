//! The platform's database kit: `Db::write` (BEGIN IMMEDIATE on SQLite),
//! `Db::write_serializable` (bounded retry), `Db::read` (replica routing), the
//! backend-split helpers, unique violations by name, typed ids as column values, and
//! `Db::run` pinging only after connection-class errors. Every test runs on the backend
//! `HAVEN_TEST_POSTGRES_URL` selects; backend-only behaviour says so.

mod handoff;
mod helpers;
mod ids;
mod replica;
mod run;
mod serializable;
mod unique;
mod write;

use diesel::RunQueryDsl;
use diesel::connection::SimpleConnection;
use haven_platform::config::{Backend, DatabaseSettings};
use haven_platform::testing::TestDb;
use haven_platform::{AnyConnection, Db, DbError};

/// A fresh unmigrated database and a `Db` on it.
async fn fresh(pool_max: u32) -> (TestDb, Db) {
    let test_db = tokio::task::spawn_blocking(|| TestDb::fresh(false))
        .await
        .unwrap();
    let db = Db::connect(&settings(&test_db.url, pool_max)).unwrap();
    (test_db, db)
}

fn settings(url: &str, pool_max: u32) -> DatabaseSettings {
    DatabaseSettings {
        url: url.to_owned(),
        pool_max,
        ..DatabaseSettings::default()
    }
}

/// Runs DDL (or any statements) outside a transaction.
async fn exec(db: &Db, sql: &'static str) {
    db.run(move |c| c.batch_execute(sql).map_err(DbError::from))
        .await
        .unwrap();
}

#[derive(diesel::QueryableByName)]
struct Num {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// `SELECT … AS n` as an i64.
fn num(conn: &mut AnyConnection, sql: &str) -> Result<i64, diesel::result::Error> {
    diesel::sql_query(sql).get_result::<Num>(conn).map(|r| r.n)
}

fn is_postgres(db: &Db) -> bool {
    db.backend() == Backend::Postgres
}
