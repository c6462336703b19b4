//! The queries `MultiConnection` cannot express (docs/architecture.md), written once and compiled
//! for each backend: `ON CONFLICT` upserts, multi-row inserts, `SELECT … FOR UPDATE`.

/// Compiles `$body` once per backend with `$c` bound to the concrete connection
/// (`&mut PgConnection` / `&mut SqliteConnection`), so the backend-only parts of the
/// diesel DSL work on an [`AnyConnection`](crate::db::AnyConnection):
///
/// ```ignore
/// // Upsert (both backends speak `INSERT … ON CONFLICT (cols) DO UPDATE`):
/// each_backend!(conn, |c| diesel::insert_into(t::table)
///     .values(&row)
///     .on_conflict(t::key)
///     .do_update()
///     .set(t::value.eq(excluded(t::value)))
///     .execute(c))?;
/// // Batch insert (one multi-row INSERT on both backends):
/// each_backend!(conn, |c| diesel::insert_into(t::table).values(&rows).execute(c))?;
/// ```
///
/// `$body` must produce the same type in both arms (use plain Rust types, not
/// backend-specific rows).
#[macro_export]
macro_rules! each_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::AnyConnection::Postgresql($c) => $body,
            $crate::db::AnyConnection::Sqlite($c) => $body,
        }
    };
}

/// Runs a select that locks the rows it reads until the transaction ends: `FOR UPDATE`
/// on PostgreSQL; on SQLite the plain select, because [`Db::write`](crate::Db::write)'s
/// `BEGIN IMMEDIATE` already holds the database's single write lock. Use inside
/// [`Db::write`](crate::Db::write) only (outside a transaction the lock ends at once):
///
/// ```ignore
/// let user = select_for_update!(conn, users::table.find(id), |q, c| {
///     q.first::<User>(c).optional()
/// })?;
/// ```
#[macro_export]
macro_rules! select_for_update {
    ($conn:expr, $query:expr, |$q:ident, $c:ident| $run:expr) => {
        match $conn {
            $crate::db::AnyConnection::Postgresql($c) => {
                let $q = diesel::QueryDsl::for_update($query);
                $run
            }
            $crate::db::AnyConnection::Sqlite($c) => {
                let $q = $query;
                $run
            }
        }
    };
}
