//! `Db::run` pings its connection only after a connection-class error.

use diesel::RunQueryDsl;
use haven_platform::DbError;

use super::{exec, fresh, is_postgres, num};

#[tokio::test]
async fn ordinary_query_errors_do_not_ping_the_connection() {
    let (_guard, db) = fresh(1).await;
    exec(
        &db,
        "CREATE TABLE kit_p (id BIGINT PRIMARY KEY, v BIGINT NOT NULL)",
    )
    .await;
    exec(&db, "INSERT INTO kit_p (id, v) VALUES (1, 1)").await;
    let errors: [&'static str; 4] = [
        "SELECT v AS n FROM kit_p WHERE id = 2",   // NotFound
        "INSERT INTO kit_p (id, v) VALUES (1, 1)", // unique violation
        "INSERT INTO kit_p (id) VALUES (2)",       // NOT NULL violation
        "SELECT no_such_column AS n FROM kit_p",   // a bad query
    ];
    for sql in errors {
        let result = db
            .run(move |c| {
                if sql.starts_with("SELECT") {
                    num(c, sql).map(drop)
                } else {
                    diesel::sql_query(sql).execute(c).map(drop)
                }
                .map_err(DbError::from)
            })
            .await;
        assert!(
            matches!(result, Err(DbError::Query(_))),
            "{sql}: {result:?}"
        );
    }
    assert_eq!(db.liveness_checks(), 0, "no ping after ordinary errors");
    // The same (single) connection is still pooled and usable.
    assert_eq!(db.stats().size, 1);
    db.ping().await.unwrap();
}

/// PostgreSQL: a connection whose backend was terminated is pinged once, dropped from
/// the pool, and the call is a 503-class `Unavailable`.
#[tokio::test]
async fn a_lost_connection_is_pinged_and_dropped() {
    let (_guard, db) = fresh(1).await;
    if !is_postgres(&db) {
        return;
    }
    let err = db
        .run(|c| {
            num(
                c,
                "SELECT pg_terminate_backend(pg_backend_pid())::int::int8 AS n",
            )?;
            num(c, "SELECT 1::int8 AS n").map_err(DbError::from)
        })
        .await
        .unwrap_err();
    assert!(matches!(err, DbError::Unavailable(_)), "{err:?}");
    assert_eq!(db.liveness_checks(), 1);
    db.ping().await.unwrap();
}
