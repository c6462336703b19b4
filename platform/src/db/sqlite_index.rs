//! Naming the unique index behind SQLite's `UNIQUE constraint failed: …` message.

use diesel::sql_types::{BigInt, Text};
use diesel::sqlite::SqliteConnection;
use diesel::{QueryableByName, RunQueryDsl};

#[derive(QueryableByName)]
struct IndexRow {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = BigInt)]
    unique: i64,
    #[diesel(sql_type = Text)]
    origin: String,
}

#[derive(QueryableByName)]
struct ColumnRow {
    /// `NULL` for an expression column.
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    name: Option<String>,
}

/// The constraint name for SQLite's message, e.g. `UNIQUE constraint failed: t.a, t.b`
/// or `UNIQUE constraint failed: index 'name'`.
pub(crate) fn constraint_for(conn: &mut SqliteConnection, message: &str) -> Option<String> {
    let detail = message.strip_prefix("UNIQUE constraint failed: ")?;
    if let Some(name) = detail
        .strip_prefix("index '")
        .and_then(|rest| rest.strip_suffix('\''))
    {
        return Some(name.to_owned());
    }
    let mut table = None;
    let mut columns = Vec::new();
    for qualified in detail.split(", ") {
        let (t, column) = qualified.split_once('.')?;
        if table.is_some_and(|known| known != t) {
            return None;
        }
        table = Some(t);
        columns.push(column);
    }
    let table = table?;
    let indexes = diesel::sql_query("SELECT name, \"unique\", origin FROM pragma_index_list(?)")
        .bind::<Text, _>(table)
        .load::<IndexRow>(conn)
        .ok()?;
    for index in indexes.into_iter().filter(|i| i.unique == 1) {
        let indexed = diesel::sql_query("SELECT name FROM pragma_index_info(?) ORDER BY seqno")
            .bind::<Text, _>(&index.name)
            .load::<ColumnRow>(conn)
            .ok()?;
        if !indexed
            .iter()
            .map(|c| c.name.as_deref())
            .eq(columns.iter().map(|c| Some(*c)))
        {
            continue;
        }
        // SQLite names the indexes behind inline constraints `sqlite_autoindex_…`;
        // report PostgreSQL's default names so both backends agree.
        return Some(match index.origin.as_str() {
            "pk" => format!("{table}_pkey"),
            "u" if index.name.starts_with("sqlite_autoindex_") => {
                format!("{table}_{}_key", columns.join("_"))
            }
            _ => index.name,
        });
    }
    // An INTEGER PRIMARY KEY is the rowid and has no index.
    Some(format!("{table}_pkey"))
}
