//! Stored exports.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use super::model::ExportId;
use crate::schema::identity_exports;

/// A row of `identity_exports` without its payload (the JSON document, set by
/// [`complete_export`] and taken by [`take_export_payload`]).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_exports)]
pub struct ExportRow {
    /// `exp_…`.
    pub id: ExportId,
    /// The owner.
    pub user_id: UserId,
    /// When the member asked.
    pub requested_at: NaiveDateTime,
    /// When the document was assembled, if it was.
    pub completed_at: Option<NaiveDateTime>,
    /// After this the export can no longer be downloaded and is purged.
    pub expires_at: NaiveDateTime,
    /// When the owner downloaded it (the payload is gone from then on).
    pub downloaded_at: Option<NaiveDateTime>,
}

/// Inserts an export request.
pub fn insert_export(conn: &mut AnyConnection, row: &ExportRow) -> QueryResult<()> {
    diesel::insert_into(identity_exports::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The export `id` if it belongs to `user_id` (`None` for someone else's).
pub fn find_export(
    conn: &mut AnyConnection,
    id: &ExportId,
    user_id: &UserId,
) -> QueryResult<Option<ExportRow>> {
    identity_exports::table
        .filter(identity_exports::id.eq(id))
        .filter(identity_exports::user_id.eq(user_id))
        .select(ExportRow::as_select())
        .first(conn)
        .optional()
}

/// The export `id` whoever owns it (the export job).
pub fn find_export_by_id(
    conn: &mut AnyConnection,
    id: &ExportId,
) -> QueryResult<Option<ExportRow>> {
    identity_exports::table
        .find(id)
        .select(ExportRow::as_select())
        .first(conn)
        .optional()
}

/// Stores the assembled document of a pending export; 0 if it was already completed.
pub fn complete_export(
    conn: &mut AnyConnection,
    id: &ExportId,
    payload: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        identity_exports::table
            .find(id)
            .filter(identity_exports::completed_at.is_null()),
    )
    .set((
        identity_exports::completed_at.eq(now),
        identity_exports::payload.eq(payload),
    ))
    .execute(conn)
}

/// Claims the one download of a ready, unexpired export of `user_id` and takes its
/// payload out of the table: `None` when it is not ready, already downloaded, expired or
/// not theirs. The UPDATE runs first so concurrent downloads serialize on the row and
/// exactly one gets the document.
pub fn take_export_payload(
    conn: &mut AnyConnection,
    id: &ExportId,
    user_id: &UserId,
    now: NaiveDateTime,
) -> QueryResult<Option<String>> {
    let claimed = diesel::update(
        identity_exports::table
            .filter(identity_exports::id.eq(id))
            .filter(identity_exports::user_id.eq(user_id))
            .filter(identity_exports::completed_at.is_not_null())
            .filter(identity_exports::downloaded_at.is_null())
            .filter(identity_exports::expires_at.gt(now)),
    )
    .set(identity_exports::downloaded_at.eq(now))
    .execute(conn)?;
    if claimed == 0 {
        return Ok(None);
    }
    let payload: Option<String> = identity_exports::table
        .find(id)
        .select(identity_exports::payload)
        .first(conn)?;
    diesel::update(identity_exports::table.find(id))
        .set(identity_exports::payload.eq(None::<String>))
        .execute(conn)?;
    Ok(payload)
}

/// Deletes exports whose expiry has passed; returns how many.
pub fn purge_expired_exports(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(identity_exports::table.filter(identity_exports::expires_at.le(now)))
        .execute(conn)
}

/// Deletes every export of `user_id` (erasure).
pub fn delete_exports_of(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<usize> {
    diesel::delete(identity_exports::table.filter(identity_exports::user_id.eq(user_id)))
        .execute(conn)
}
