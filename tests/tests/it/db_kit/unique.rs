//! Unique violations are named by constraint, the same on both backends.

use diesel::RunQueryDsl;
use haven_platform::db::unique_violation;
use haven_platform::{AnyConnection, DbError};

use super::{exec, fresh};

const SCHEMA: &str = "CREATE TABLE kit_u (
                          id BIGINT PRIMARY KEY,
                          email TEXT NOT NULL UNIQUE,
                          a TEXT NOT NULL,
                          b TEXT NOT NULL,
                          name TEXT NOT NULL,
                          c TEXT
                      );
                      CREATE UNIQUE INDEX kit_u_pair ON kit_u (a, b);
                      CREATE UNIQUE INDEX kit_u_lower_name ON kit_u (lower(name));
                      CREATE UNIQUE INDEX kit_u_c_partial ON kit_u (c) WHERE c IS NOT NULL;
                      INSERT INTO kit_u (id, email, a, b, name, c)
                      VALUES (1, 'x@example.org', 'a', 'b', 'Ann', 'c');";

/// Inserts a row that collides with row 1 on one constraint and names it (under
/// autocommit: on PostgreSQL a failed statement aborts the rest of a transaction).
fn collide(conn: &mut AnyConnection, values: &str) -> Option<String> {
    collide_raw(
        conn,
        &format!("INSERT INTO kit_u (id, email, a, b, name, c) VALUES {values}"),
    )
}

#[tokio::test]
async fn unique_violations_are_named_by_constraint_on_both_backends() {
    let (_guard, db) = fresh(1).await;
    exec(&db, SCHEMA).await;
    let names = db
        .run(|c| {
            Ok::<_, DbError>(
                [
                    "(1, 'y@example.org', 'a2', 'b', 'Bo', NULL)",
                    "(2, 'x@example.org', 'a2', 'b', 'Bo', NULL)",
                    "(2, 'y@example.org', 'a', 'b', 'Bo', NULL)",
                    "(2, 'y@example.org', 'a2', 'b', 'ANN', NULL)",
                    "(2, 'y@example.org', 'a2', 'b', 'Bo', 'c')",
                ]
                .map(|values| collide(c, values)),
            )
        })
        .await
        .unwrap();
    assert_eq!(
        names.map(|n| n.unwrap_or_default()),
        [
            "kit_u_pkey",
            "kit_u_email_key",
            "kit_u_pair",
            "kit_u_lower_name",
            "kit_u_c_partial",
        ]
    );
}

#[tokio::test]
async fn other_errors_are_not_unique_violations() {
    let (_guard, db) = fresh(1).await;
    exec(&db, SCHEMA).await;
    let classified = db
        .write(|c| {
            let err = diesel::sql_query("INSERT INTO kit_u (id) VALUES (3)")
                .execute(c)
                .unwrap_err();
            Ok::<_, DbError>(unique_violation(c, &err))
        })
        .await
        .unwrap();
    assert_eq!(classified, None, "a NOT NULL violation is not a unique one");
}

/// The migrated schema: a duplicate sign-up is named `identity_users_email_normalized_key`
/// on both backends (an inline `UNIQUE` column, which SQLite indexes as
/// `sqlite_autoindex_…`).
#[tokio::test]
async fn the_migrated_identity_schema_names_its_unique_constraints_alike() {
    let test_db = tokio::task::spawn_blocking(|| haven_platform::testing::TestDb::fresh(true))
        .await
        .unwrap();
    let db = haven_platform::Db::connect(&super::settings(&test_db.url, 1)).unwrap();
    haven_platform::db::run_migrations(&db).await.unwrap();
    let insert = |id: &str| {
        format!(
            "INSERT INTO identity_users \
             (id, email, email_normalized, password_hash, created_at, updated_at) \
             VALUES ('{id}', 'a@example.org', 'a@example.org', 'x', \
             CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        )
    };
    let (duplicate_email, duplicate_id) = db
        .run(move |c| {
            diesel::sql_query(insert("usr_1")).execute(c)?;
            let email = collide_raw(c, &insert("usr_2"));
            let id = collide_raw(
                c,
                &insert("usr_1").replace("a@example.org", "b@example.org"),
            );
            Ok::<_, DbError>((email, id))
        })
        .await
        .unwrap();
    assert_eq!(
        duplicate_email.as_deref(),
        Some("identity_users_email_normalized_key")
    );
    assert_eq!(duplicate_id.as_deref(), Some("identity_users_pkey"));
}

fn collide_raw(conn: &mut AnyConnection, sql: &str) -> Option<String> {
    let err = diesel::sql_query(sql).execute(conn).unwrap_err();
    unique_violation(conn, &err).map(|v| v.constraint)
}
