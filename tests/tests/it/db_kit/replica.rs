//! `Db::read` goes to the replica when `database.replica_url` is set; `Db::write` and
//! `Db::read_primary` never do.

use diesel::RunQueryDsl;
use diesel::sql_types::Text;
use haven_platform::testing::TestDb;
use haven_platform::{AnyConnection, Db, DbError};

use super::{exec, is_postgres, settings};

#[derive(diesel::QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

fn which(conn: &mut AnyConnection) -> Result<String, DbError> {
    diesel::sql_query("SELECT name FROM kit_which")
        .get_result::<Name>(conn)
        .map(|r| r.name)
        .map_err(DbError::from)
}

#[tokio::test]
async fn read_uses_the_replica_and_write_the_primary() {
    let (primary, replica) =
        tokio::task::spawn_blocking(|| (TestDb::fresh(false), TestDb::fresh(false)))
            .await
            .unwrap();
    // Mark each database so a query shows which one answered.
    for (db, name) in [(&primary, "primary"), (&replica, "replica")] {
        let db = Db::connect(&settings(&db.url, 1)).unwrap();
        db.run(move |c| {
            diesel::connection::SimpleConnection::batch_execute(
                c,
                &format!(
                    "CREATE TABLE kit_which (name TEXT); INSERT INTO kit_which VALUES ('{name}');"
                ),
            )
            .map_err(DbError::from)
        })
        .await
        .unwrap();
    }
    let mut config = settings(&primary.url, 2);
    config.replica_url = Some(replica.url.clone());
    let db = Db::connect(&config).unwrap();
    assert!(db.has_replica());

    assert_eq!(db.read(which).await.unwrap(), "replica");
    assert_eq!(db.read_primary(which).await.unwrap(), "primary");
    assert_eq!(db.write(which).await.unwrap(), "primary");
    assert_eq!(db.run(which).await.unwrap(), "primary");
    assert!(
        db.replica_stats().unwrap().size >= 1,
        "the replica pool was used"
    );
}

#[tokio::test]
async fn without_a_replica_read_uses_the_primary() {
    let test_db = tokio::task::spawn_blocking(|| TestDb::fresh(false))
        .await
        .unwrap();
    let db = Db::connect(&settings(&test_db.url, 1)).unwrap();
    exec(
        &db,
        "CREATE TABLE kit_which (name TEXT); INSERT INTO kit_which VALUES ('primary');",
    )
    .await;
    assert!(!db.has_replica());
    assert_eq!(db.read(which).await.unwrap(), "primary");
}

/// PostgreSQL: `read` and `read_primary` are READ ONLY transactions, so a write in
/// them fails instead of slipping through to the wrong pool.
#[tokio::test]
async fn reads_are_read_only_on_postgres() {
    let test_db = tokio::task::spawn_blocking(|| TestDb::fresh(false))
        .await
        .unwrap();
    let db = Db::connect(&settings(&test_db.url, 1)).unwrap();
    if !is_postgres(&db) {
        return;
    }
    exec(&db, "CREATE TABLE kit_which (name TEXT)").await;
    let insert = |c: &mut AnyConnection| {
        diesel::sql_query("INSERT INTO kit_which VALUES ('x')")
            .execute(c)
            .map_err(DbError::from)
    };
    for err in [
        db.read(insert).await.unwrap_err(),
        db.read_primary(insert).await.unwrap_err(),
    ] {
        assert!(err.to_string().contains("read-only transaction"), "{err}");
    }
    assert_eq!(db.write(insert).await.unwrap(), 1);
}
