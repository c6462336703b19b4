//! The `identity_user_roles` migration backfills every account's roles from the JSON
//! column it replaces, on the backend the environment selects.

use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness};
use haven_platform::AnyConnection;
use haven_platform::db::{MIGRATIONS_POSTGRES, MIGRATIONS_SQLITE};
use haven_platform::testing::TestDb;

/// The version of `…_identity_user_roles`.
const ROLES_MIGRATION: &str = "20261127000300";

#[derive(QueryableByName, Debug, PartialEq, Eq)]
struct Roles {
    #[diesel(sql_type = Text)]
    id: String,
    #[diesel(sql_type = Text)]
    roles: String,
}

/// Applies the pending migrations of `set` that come before `ROLES_MIGRATION` (all of
/// them when `up_to_roles` is false).
fn migrate(conn: &mut AnyConnection, up_to_roles: bool) {
    fn run<C: MigrationHarness<B>, B: diesel::backend::Backend>(
        c: &mut C,
        set: EmbeddedMigrations,
        up_to_roles: bool,
    ) {
        for m in c.pending_migrations(set).unwrap() {
            if up_to_roles && m.name().version().to_string() == ROLES_MIGRATION {
                return;
            }
            c.run_migration(&*m).unwrap();
        }
    }
    match conn {
        AnyConnection::Postgresql(c) => run(c, MIGRATIONS_POSTGRES, up_to_roles),
        AnyConnection::Sqlite(c) => run(c, MIGRATIONS_SQLITE, up_to_roles),
    }
}

#[test]
fn the_roles_migration_backfills_the_json_column_into_rows() {
    let db = TestDb::fresh(false);
    let mut conn = AnyConnection::open(&db.url, 5_000).unwrap();
    migrate(&mut conn, true);
    let users = [
        ("usr_01jh0000000000000000000001", r#"["admin","member"]"#),
        (
            "usr_01jh0000000000000000000002",
            r#"["member","coach","clinician"]"#,
        ),
        ("usr_01jh0000000000000000000003", r#"["member","member"]"#),
        ("usr_01jh0000000000000000000004", "[]"),
    ];
    for (id, roles) in users {
        diesel::sql_query(
            "INSERT INTO identity_users (id, email, email_normalized, password_hash, roles, \
             created_at, updated_at) VALUES ($1, $1, $1, 'x', $2, CURRENT_TIMESTAMP, \
             CURRENT_TIMESTAMP)",
        )
        .bind::<Text, _>(id)
        .bind::<Text, _>(roles)
        .execute(&mut conn)
        .unwrap();
    }

    migrate(&mut conn, false);

    let rows: Vec<Roles> = diesel::sql_query(format!(
        "SELECT id, {} AS roles FROM identity_users ORDER BY id",
        haven_identity::accounts::repo::ROLES_JSON_SQL
    ))
    .load(&mut conn)
    .unwrap();
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.id.as_str(), r.roles.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (users[0].0, r#"["member","admin"]"#),
            (users[1].0, r#"["member","coach","clinician"]"#),
            (users[2].0, r#"["member"]"#),
            (users[3].0, "[]"),
        ]
    );
    let admins: i64 =
        diesel::sql_query("SELECT COUNT(*) AS n FROM identity_user_roles WHERE role = 'admin'")
            .get_result::<Count>(&mut conn)
            .unwrap()
            .n;
    assert_eq!(admins, 1);
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}
