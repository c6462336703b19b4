//! Item rows and their revision history.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, select_for_update};

use super::model::ItemId;
use crate::schema::{content_item_revisions, content_items};

/// A row of `content_items`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = content_items, treat_none_as_null = true)]
pub struct ItemRow {
    /// `itm_…`.
    pub id: ItemId,
    /// The draft's kind (for admin filters).
    pub kind: String,
    /// `draft`, `published` or `archived`.
    pub status: String,
    /// The ETag's revision.
    pub revision: i64,
    /// The draft document (JSON).
    pub draft: String,
    /// The published document (JSON).
    pub published: Option<String>,
    /// First publish.
    pub first_published_at: Option<NaiveDateTime>,
    /// Last publish.
    pub published_at: Option<NaiveDateTime>,
    /// A pending scheduled publish.
    pub scheduled_at: Option<NaiveDateTime>,
    /// Its locales (JSON array), `None` for all.
    pub scheduled_locales: Option<String>,
    /// The revision it was scheduled at.
    pub scheduled_revision: Option<i64>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

/// A row of `content_item_revisions`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = content_item_revisions)]
pub struct RevisionRow {
    /// The item.
    pub item_id: ItemId,
    /// The revision produced.
    pub revision: i64,
    /// What happened.
    pub action: String,
    /// The draft after it (JSON).
    pub document: String,
    /// Locales live after a publish (JSON array).
    pub published_locales: Option<String>,
    /// The editor.
    pub actor_id: Option<UserId>,
    /// When.
    pub created_at: NaiveDateTime,
}

/// Inserts an item.
pub fn insert_item(conn: &mut AnyConnection, row: &ItemRow) -> QueryResult<()> {
    diesel::insert_into(content_items::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The item, if any.
pub fn find_item(conn: &mut AnyConnection, id: &ItemId) -> QueryResult<Option<ItemRow>> {
    content_items::table
        .find(id)
        .select(ItemRow::as_select())
        .first(conn)
        .optional()
}

/// The item, write-locked until the transaction ends.
pub fn lock_item(conn: &mut AnyConnection, id: &ItemId) -> QueryResult<Option<ItemRow>> {
    select_for_update!(
        conn,
        content_items::table.find(id).select(ItemRow::as_select()),
        |q, c| q.first(c).optional()
    )
}

/// Saves every column of the item.
pub fn update_item(conn: &mut AnyConnection, row: &ItemRow) -> QueryResult<()> {
    diesel::update(content_items::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map(drop)
}

/// Items in id (creation) order after `after`, at most `limit`.
pub fn list_items(
    conn: &mut AnyConnection,
    after: Option<ItemId>,
    limit: i64,
) -> QueryResult<Vec<ItemRow>> {
    let mut q = content_items::table
        .select(ItemRow::as_select())
        .order(content_items::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(content_items::id.gt(after));
    }
    q.load(conn)
}

/// Every published item, in id order (the snapshot's source).
pub fn published_items(conn: &mut AnyConnection) -> QueryResult<Vec<ItemRow>> {
    content_items::table
        .filter(content_items::status.eq("published"))
        .select(ItemRow::as_select())
        .order(content_items::id.asc())
        .load(conn)
}

/// Records a revision.
pub fn insert_revision(conn: &mut AnyConnection, row: &RevisionRow) -> QueryResult<()> {
    diesel::insert_into(content_item_revisions::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The item's revisions, newest first, before `before`, at most `limit`.
pub fn revisions(
    conn: &mut AnyConnection,
    id: &ItemId,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<RevisionRow>> {
    let mut q = content_item_revisions::table
        .filter(content_item_revisions::item_id.eq(id))
        .select(RevisionRow::as_select())
        .order(content_item_revisions::revision.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before {
        q = q.filter(content_item_revisions::revision.lt(before));
    }
    q.load(conn)
}

/// Revisions made by `actor`, oldest first (the editor's export).
pub fn revisions_by(conn: &mut AnyConnection, actor: &UserId) -> QueryResult<Vec<RevisionRow>> {
    content_item_revisions::table
        .filter(content_item_revisions::actor_id.eq(actor))
        .select(RevisionRow::as_select())
        .order((
            content_item_revisions::created_at.asc(),
            content_item_revisions::revision.asc(),
        ))
        .load(conn)
}

/// Cuts `actor` from the revisions they made (erasure); how many changed.
pub fn forget_actor(conn: &mut AnyConnection, actor: &UserId) -> QueryResult<usize> {
    diesel::update(content_item_revisions::table.filter(content_item_revisions::actor_id.eq(actor)))
        .set(content_item_revisions::actor_id.eq(None::<UserId>))
        .execute(conn)
}
