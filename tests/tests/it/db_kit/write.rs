//! `Db::write`: a read-then-write transaction never fails half-way on SQLite and never
//! loses an update on either backend when it reads with `select_for_update!`.

use std::sync::mpsc;
use std::sync::{Arc, Barrier};

use diesel::{Connection, ExpressionMethods, QueryDsl, RunQueryDsl};
use haven_platform::config::Backend;
use haven_platform::{AnyConnection, DbError, select_for_update};

use super::{exec, fresh, num};

diesel::table! {
    kit_counter (id) {
        id -> BigInt,
        n -> BigInt,
    }
}

const SCHEMA: &str = "CREATE TABLE kit_counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL);
                      INSERT INTO kit_counter (id, n) VALUES (1, 0);";

fn read_n(conn: &mut AnyConnection) -> Result<i64, diesel::result::Error> {
    num(conn, "SELECT n FROM kit_counter WHERE id = 1")
}

fn set_n(conn: &mut AnyConnection, n: i64) -> Result<(), diesel::result::Error> {
    diesel::update(kit_counter::table.find(1))
        .set(kit_counter::n.eq(n))
        .execute(conn)
        .map(drop)
}

/// SQLite: two read-then-write transactions that overlap. With diesel's deferred
/// `conn.transaction` the one whose snapshot went stale fails at its first write with
/// "database is locked" (waiting does not help); with `Db::write` (BEGIN IMMEDIATE)
/// the same two closures both commit and no increment is lost.
#[tokio::test]
async fn sqlite_read_then_write_fails_deferred_but_not_with_write() {
    let (_guard, db) = fresh(4).await;
    if db.backend() != Backend::Sqlite {
        return;
    }
    exec(&db, SCHEMA).await;

    // Deferred: both read 0, A writes and commits, then B's write must fail.
    let both_read = Arc::new(Barrier::new(2));
    let (a_committed, a_committed_rx) = mpsc::channel::<()>();
    let barrier = Arc::clone(&both_read);
    let a = db.run(move |c| {
        let r = c.transaction(|c| {
            let n = read_n(c)?;
            barrier.wait();
            set_n(c, n + 1)
        });
        a_committed.send(()).unwrap();
        r.map_err(DbError::from)
    });
    let b = db.run(move |c| {
        c.transaction(|c| {
            let n = read_n(c)?;
            both_read.wait();
            a_committed_rx.recv().unwrap();
            set_n(c, n + 1)
        })
        .map_err(DbError::from)
    });
    let (a, b) = tokio::join!(a, b);
    a.unwrap();
    let err = b.unwrap_err().to_string();
    assert!(err.contains("database is locked"), "{err}");
    let n = db.run(|c| read_n(c).map_err(DbError::from)).await.unwrap();
    assert_eq!(n, 1, "B's increment was lost with the deferred transaction");

    // Db::write: A holds the write lock from BEGIN; B starts while A holds it and
    // waits for A instead of failing.
    let (a_holds, a_holds_rx) = mpsc::channel::<()>();
    let (b_starting, b_starting_rx) = mpsc::channel::<()>();
    let a = db.write(move |c| {
        let n = read_n(c)?;
        a_holds.send(()).unwrap();
        b_starting_rx.recv().unwrap();
        set_n(c, n + 1).map_err(DbError::from)
    });
    let db_b = db.clone();
    let b = async move {
        tokio::task::spawn_blocking(move || a_holds_rx.recv().unwrap())
            .await
            .unwrap();
        b_starting.send(()).unwrap();
        db_b.write(|c| {
            let n = read_n(c)?;
            set_n(c, n + 1).map_err(DbError::from)
        })
        .await
    };
    let (a, b) = tokio::join!(a, b);
    a.unwrap();
    b.unwrap();
    let n = db.read(|c| read_n(c).map_err(DbError::from)).await.unwrap();
    assert_eq!(n, 3);
}

/// Both backends: concurrent read-then-write increments through `Db::write` with the
/// read under `select_for_update!` all commit and none is lost.
#[tokio::test]
async fn concurrent_read_then_write_increments_are_never_lost() {
    const WRITERS: i64 = 6;
    let (_guard, db) = fresh(WRITERS as u32).await;
    exec(&db, SCHEMA).await;
    let writers = (0..WRITERS).map(|_| {
        db.write(|c| {
            let n: i64 = select_for_update!(
                c,
                kit_counter::table.find(1).select(kit_counter::n),
                |q, c| q.first::<i64>(c)
            )?;
            set_n(c, n + 1).map_err(DbError::from)
        })
    });
    for result in futures_util::future::join_all(writers).await {
        result.unwrap();
    }
    let n = db.read(|c| read_n(c).map_err(DbError::from)).await.unwrap();
    assert_eq!(n, WRITERS);
}

/// A closure's error rolls the whole transaction back; `Ok` commits.
#[tokio::test]
async fn write_commits_on_ok_and_rolls_back_on_err() {
    let (_guard, db) = fresh(2).await;
    exec(&db, SCHEMA).await;
    let err = db
        .write(|c| {
            set_n(c, 41)?;
            Err::<(), _>(DbError::Unavailable("refused".into()))
        })
        .await
        .unwrap_err();
    assert!(matches!(err, DbError::Unavailable(_)), "{err}");
    assert_eq!(
        db.read(|c| read_n(c).map_err(DbError::from)).await.unwrap(),
        0
    );
    db.write(|c| set_n(c, 42).map_err(DbError::from))
        .await
        .unwrap();
    assert_eq!(
        db.read(|c| read_n(c).map_err(DbError::from)).await.unwrap(),
        42
    );
}

/// SQLite: a writer that cannot get the write lock within busy_timeout is
/// `Unavailable` (a 503), not a query error (a 500).
#[tokio::test]
async fn sqlite_write_lock_timeout_is_unavailable() {
    let (guard, db) = fresh(1).await;
    if db.backend() != Backend::Sqlite {
        return;
    }
    let mut config = super::settings(&guard.url, 2);
    config.sqlite_busy_timeout_ms = 50;
    let db = haven_platform::Db::connect(&config).unwrap();
    exec(&db, SCHEMA).await;
    let (holding, holding_rx) = mpsc::channel::<()>();
    let (release, release_rx) = mpsc::channel::<()>();
    let holder = db.write(move |c| {
        set_n(c, 7)?;
        holding.send(()).unwrap();
        release_rx.recv().unwrap();
        Ok::<_, DbError>(())
    });
    let db2 = db.clone();
    let contender = async move {
        tokio::task::spawn_blocking(move || holding_rx.recv().unwrap())
            .await
            .unwrap();
        let result = db2.write(|c| set_n(c, 8).map_err(DbError::from)).await;
        release.send(()).unwrap();
        result
    };
    let (held, contended) = tokio::join!(holder, contender);
    held.unwrap();
    let err = contended.unwrap_err();
    assert!(matches!(err, DbError::Unavailable(_)), "{err:?}");
    assert_eq!(
        db.read(|c| read_n(c).map_err(DbError::from)).await.unwrap(),
        7
    );
}
