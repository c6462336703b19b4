//! `content_media` rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use super::model::{Media, MediaId, Slot};
use crate::items::model::ItemId;
use crate::schema::content_media;

/// A row of `content_media`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = content_media)]
pub struct MediaRow {
    /// `med_…`.
    pub id: MediaId,
    /// The item.
    pub item_id: ItemId,
    /// `image` or `audio:<duration_s>`.
    pub slot: String,
    /// The object's key.
    pub storage_key: String,
    /// MIME type.
    pub content_type: String,
    /// Bytes.
    pub size_bytes: i64,
    /// The editor.
    pub uploaded_by: UserId,
    /// When.
    pub created_at: NaiveDateTime,
}

impl MediaRow {
    /// As the model (`None` for a slot this build does not know).
    pub fn into_media(self) -> Option<Media> {
        Some(Media {
            slot: Slot::parse(&self.slot)?,
            id: self.id,
            item_id: self.item_id,
            storage_key: self.storage_key,
            content_type: self.content_type,
            size_bytes: self.size_bytes,
            created_at: self.created_at,
        })
    }
}

/// The object of `(item, slot)`, if any.
pub fn find(conn: &mut AnyConnection, item: &ItemId, slot: Slot) -> QueryResult<Option<MediaRow>> {
    content_media::table
        .filter(content_media::item_id.eq(item))
        .filter(content_media::slot.eq(slot.as_string()))
        .select(MediaRow::as_select())
        .first(conn)
        .optional()
}

/// Every object (the catalog snapshot's media index).
pub fn all(conn: &mut AnyConnection) -> QueryResult<Vec<MediaRow>> {
    content_media::table
        .order(content_media::id)
        .select(MediaRow::as_select())
        .load(conn)
}

/// Replaces the object of `(row.item_id, row.slot)`; the key of the one it replaced.
pub fn replace(conn: &mut AnyConnection, row: &MediaRow) -> QueryResult<Option<String>> {
    let old: Option<String> = content_media::table
        .filter(content_media::item_id.eq(&row.item_id))
        .filter(content_media::slot.eq(&row.slot))
        .select(content_media::storage_key)
        .first(conn)
        .optional()?;
    diesel::delete(
        content_media::table
            .filter(content_media::item_id.eq(&row.item_id))
            .filter(content_media::slot.eq(&row.slot)),
    )
    .execute(conn)?;
    diesel::insert_into(content_media::table)
        .values(row)
        .execute(conn)?;
    Ok(old)
}
