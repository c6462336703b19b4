//! `Db::write_serializable`: conflicting transactions both commit through retries, and
//! the retries are bounded.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Barrier};

use diesel::RunQueryDsl;
use diesel::connection::SimpleConnection;
use haven_platform::db::{SERIALIZABLE_ATTEMPTS, is_serialization_failure};
use haven_platform::{AnyConnection, DbError};

use super::{exec, fresh, is_postgres, num};

const SCHEMA: &str = "CREATE TABLE kit_counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL);
                      INSERT INTO kit_counter (id, n) VALUES (1, 0);";

fn increment(conn: &mut AnyConnection, n: i64) -> Result<(), DbError> {
    diesel::sql_query(format!("UPDATE kit_counter SET n = {} WHERE id = 1", n + 1))
        .execute(conn)
        .map(drop)
        .map_err(DbError::from)
}

/// PostgreSQL: two serializable read-then-write transactions both read 0 before either
/// writes; the loser gets 40001, is retried, reads 1 and writes 2.
#[tokio::test]
async fn conflicting_serializable_transactions_both_commit_via_retry() {
    let (_guard, db) = fresh(2).await;
    exec(&db, SCHEMA).await;
    let both_read = Arc::new(Barrier::new(2));
    let attempts = Arc::new(AtomicU32::new(0));
    let postgres = is_postgres(&db);
    let writer = |barrier: Arc<Barrier>, attempts: Arc<AtomicU32>| {
        db.write_serializable(move |c| {
            let attempt = attempts.fetch_add(1, Ordering::SeqCst);
            let n = num(c, "SELECT n FROM kit_counter WHERE id = 1")?;
            // Only the first runs meet (on SQLite the second writer cannot even begin
            // while the first holds the lock, so they never meet there).
            if postgres && attempt < 2 {
                barrier.wait();
            }
            increment(c, n)
        })
    };
    let (a, b) = tokio::join!(
        writer(Arc::clone(&both_read), Arc::clone(&attempts)),
        writer(both_read, Arc::clone(&attempts)),
    );
    a.unwrap();
    b.unwrap();
    let n = db
        .read(|c| num(c, "SELECT n FROM kit_counter WHERE id = 1").map_err(DbError::from))
        .await
        .unwrap();
    assert_eq!(n, 2, "no increment lost");
    let runs = attempts.load(Ordering::SeqCst);
    if postgres {
        assert_eq!(runs, 3, "exactly one of the two was retried once");
    } else {
        assert_eq!(runs, 2);
    }
}

/// PostgreSQL: a closure that always hits a serialization failure (40001) or a deadlock
/// (40P01) runs exactly `SERIALIZABLE_ATTEMPTS` times and then returns that error.
#[tokio::test]
async fn retries_are_bounded_and_return_the_last_error() {
    let (_guard, db) = fresh(1).await;
    if !is_postgres(&db) {
        return;
    }
    for (code, message) in [("40001", "conflict"), ("40P01", "deadlock detected")] {
        let attempts = Arc::new(AtomicU32::new(0));
        let counted = Arc::clone(&attempts);
        let err = db
            .write_serializable(move |c| {
                counted.fetch_add(1, Ordering::SeqCst);
                c.batch_execute(&format!(
                    "DO $$ BEGIN RAISE EXCEPTION '{message}' USING ERRCODE = '{code}'; END $$"
                ))
                .map_err(DbError::from)
            })
            .await
            .unwrap_err();
        assert_eq!(
            attempts.load(Ordering::SeqCst),
            SERIALIZABLE_ATTEMPTS,
            "{code}"
        );
        let DbError::Query(diesel) = &err else {
            panic!("{err}")
        };
        assert!(is_serialization_failure(diesel), "{code}: {err}");
    }
}

/// An ordinary error (here NotFound) is not retried, on either backend.
#[tokio::test]
async fn other_errors_are_not_retried() {
    let (_guard, db) = fresh(1).await;
    exec(&db, SCHEMA).await;
    let attempts = Arc::new(AtomicU32::new(0));
    let counted = Arc::clone(&attempts);
    let err = db
        .write_serializable(move |c| {
            counted.fetch_add(1, Ordering::SeqCst);
            num(c, "SELECT n FROM kit_counter WHERE id = 2").map_err(DbError::from)
        })
        .await
        .unwrap_err();
    assert!(
        matches!(err, DbError::Query(diesel::result::Error::NotFound)),
        "{err}"
    );
    assert_eq!(attempts.load(Ordering::SeqCst), 1);
}
