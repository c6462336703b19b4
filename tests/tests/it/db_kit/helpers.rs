//! `each_backend!` (upsert, batch insert) and `select_for_update!` on both backends.

use std::sync::mpsc;

use diesel::connection::SimpleConnection;
use diesel::upsert::excluded;
use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
use haven_platform::{DbError, each_backend, select_for_update};

use super::{exec, fresh, is_postgres};

diesel::table! {
    kit_kv (k) {
        k -> Text,
        v -> BigInt,
    }
}

const SCHEMA: &str = "CREATE TABLE kit_kv (k TEXT PRIMARY KEY, v BIGINT NOT NULL);";

async fn all(db: &haven_platform::Db) -> Vec<(String, i64)> {
    db.read(|c| {
        kit_kv::table
            .order(kit_kv::k)
            .load::<(String, i64)>(c)
            .map_err(DbError::from)
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn batch_insert_and_upsert_work_on_both_backends() {
    let (_guard, db) = fresh(1).await;
    exec(&db, SCHEMA).await;
    let inserted = db
        .write(|c| {
            let rows: Vec<_> = [("a", 1_i64), ("b", 2), ("c", 3)]
                .into_iter()
                .map(|(k, v)| (kit_kv::k.eq(k), kit_kv::v.eq(v)))
                .collect();
            each_backend!(c, |c| diesel::insert_into(kit_kv::table)
                .values(&rows)
                .execute(c))
            .map_err(DbError::from)
        })
        .await
        .unwrap();
    assert_eq!(inserted, 3);

    let (updated, ignored) = db
        .write(|c| {
            let updated = each_backend!(c, |c| diesel::insert_into(kit_kv::table)
                .values(&vec![
                    (kit_kv::k.eq("a"), kit_kv::v.eq(10_i64)),
                    (kit_kv::k.eq("d"), kit_kv::v.eq(4_i64)),
                ])
                .on_conflict(kit_kv::k)
                .do_update()
                .set(kit_kv::v.eq(excluded(kit_kv::v)))
                .execute(c))?;
            let ignored = each_backend!(c, |c| diesel::insert_into(kit_kv::table)
                .values((kit_kv::k.eq("b"), kit_kv::v.eq(20_i64)))
                .on_conflict(kit_kv::k)
                .do_nothing()
                .execute(c))?;
            Ok::<_, DbError>((updated, ignored))
        })
        .await
        .unwrap();
    assert_eq!((updated, ignored), (2, 0));
    assert_eq!(
        all(&db).await,
        [("a", 10), ("b", 2), ("c", 3), ("d", 4)].map(|(k, v)| (k.to_owned(), v))
    );
}

/// On PostgreSQL the row stays locked until the transaction ends: a second transaction's
/// `FOR UPDATE NOWAIT` on it fails. On SQLite the plain select runs under the write lock.
#[tokio::test]
async fn select_for_update_locks_the_row_on_postgres() {
    let (_guard, db) = fresh(2).await;
    exec(&db, SCHEMA).await;
    exec(&db, "INSERT INTO kit_kv (k, v) VALUES ('a', 1)").await;
    let (locked, locked_rx) = mpsc::channel::<()>();
    let (probed, probed_rx) = mpsc::channel::<()>();
    let holder = db.write(move |c| {
        let v = select_for_update!(c, kit_kv::table.find("a").select(kit_kv::v), |q, c| q
            .first::<i64>(c))?;
        locked.send(()).unwrap();
        probed_rx.recv().unwrap();
        Ok::<_, DbError>(v)
    });
    let postgres = is_postgres(&db);
    let db2 = db.clone();
    let prober = async move {
        tokio::task::spawn_blocking(move || locked_rx.recv().unwrap())
            .await
            .unwrap();
        let outcome = if postgres {
            db2.write(|c| {
                c.batch_execute("SELECT v FROM kit_kv WHERE k = 'a' FOR UPDATE NOWAIT")
                    .map_err(DbError::from)
            })
            .await
        } else {
            Ok(())
        };
        probed.send(()).unwrap();
        outcome
    };
    let (held, outcome) = tokio::join!(holder, prober);
    assert_eq!(held.unwrap(), 1);
    if postgres {
        let err = outcome.unwrap_err().to_string();
        assert!(err.contains("could not obtain lock"), "{err}");
    }
}
