//! Narrator rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::{AnyConnection, select_for_update};

use super::model::NarratorId;
use crate::schema::content_narrators;

/// A row of `content_narrators`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = content_narrators, treat_none_as_null = true)]
pub struct NarratorRow {
    /// `nar_…`.
    pub id: NarratorId,
    /// Name.
    pub name: String,
    /// Photo URL.
    pub photo_url: Option<String>,
    /// JSON object locale → bio.
    pub bios: String,
    /// The ETag's revision.
    pub revision: i64,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

/// Inserts a narrator.
pub fn insert(conn: &mut AnyConnection, row: &NarratorRow) -> QueryResult<()> {
    diesel::insert_into(content_narrators::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The narrator, write-locked until the transaction ends.
pub fn lock(conn: &mut AnyConnection, id: &NarratorId) -> QueryResult<Option<NarratorRow>> {
    select_for_update!(
        conn,
        content_narrators::table
            .find(id)
            .select(NarratorRow::as_select()),
        |q, c| q.first(c).optional()
    )
}

/// The narrator, if any.
pub fn find(conn: &mut AnyConnection, id: &NarratorId) -> QueryResult<Option<NarratorRow>> {
    content_narrators::table
        .find(id)
        .select(NarratorRow::as_select())
        .first(conn)
        .optional()
}

/// Saves every column.
pub fn update(conn: &mut AnyConnection, row: &NarratorRow) -> QueryResult<()> {
    diesel::update(content_narrators::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map(drop)
}

/// Which of `ids` exist.
pub fn existing(conn: &mut AnyConnection, ids: &[NarratorId]) -> QueryResult<Vec<NarratorId>> {
    content_narrators::table
        .filter(content_narrators::id.eq_any(ids))
        .select(content_narrators::id)
        .load(conn)
}

/// Every narrator, in id order (the snapshot's source; there are few).
pub fn all(conn: &mut AnyConnection) -> QueryResult<Vec<NarratorRow>> {
    content_narrators::table
        .select(NarratorRow::as_select())
        .order(content_narrators::id.asc())
        .load(conn)
}
