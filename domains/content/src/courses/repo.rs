//! Course rows and their revision history.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, select_for_update};

use super::model::CourseId;
use crate::items::model::ItemId;
use crate::schema::{content_course_revisions, content_courses, content_items};

/// A row of `content_courses`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = content_courses, treat_none_as_null = true)]
pub struct CourseRow {
    /// `crs_…`.
    pub id: CourseId,
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
    /// Reserved for a scheduled publish (items have one; courses publish now).
    pub scheduled_at: Option<NaiveDateTime>,
    /// Reserved, as `scheduled_at`.
    pub scheduled_locales: Option<String>,
    /// Reserved, as `scheduled_at`.
    pub scheduled_revision: Option<i64>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

/// A row of `content_course_revisions`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = content_course_revisions)]
pub struct CourseRevisionRow {
    /// The course.
    pub course_id: CourseId,
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

/// Inserts a course.
pub fn insert(conn: &mut AnyConnection, row: &CourseRow) -> QueryResult<()> {
    diesel::insert_into(content_courses::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The course, if any.
pub fn find(conn: &mut AnyConnection, id: &CourseId) -> QueryResult<Option<CourseRow>> {
    content_courses::table
        .find(id)
        .select(CourseRow::as_select())
        .first(conn)
        .optional()
}

/// The course, write-locked until the transaction ends.
pub fn lock(conn: &mut AnyConnection, id: &CourseId) -> QueryResult<Option<CourseRow>> {
    select_for_update!(
        conn,
        content_courses::table
            .find(id)
            .select(CourseRow::as_select()),
        |q, c| q.first(c).optional()
    )
}

/// Saves every column of the course.
pub fn update(conn: &mut AnyConnection, row: &CourseRow) -> QueryResult<()> {
    diesel::update(content_courses::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map(drop)
}

/// Courses in id order after `after`, at most `limit`.
pub fn list(
    conn: &mut AnyConnection,
    after: Option<CourseId>,
    limit: i64,
) -> QueryResult<Vec<CourseRow>> {
    let mut q = content_courses::table
        .select(CourseRow::as_select())
        .order(content_courses::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(content_courses::id.gt(after));
    }
    q.load(conn)
}

/// Every published course, in id order (the snapshot's source).
pub fn published(conn: &mut AnyConnection) -> QueryResult<Vec<CourseRow>> {
    content_courses::table
        .filter(content_courses::status.eq("published"))
        .select(CourseRow::as_select())
        .order(content_courses::id.asc())
        .load(conn)
}

/// Which of `ids` are published items.
pub fn published_items(conn: &mut AnyConnection, ids: &[ItemId]) -> QueryResult<Vec<ItemId>> {
    content_items::table
        .filter(content_items::id.eq_any(ids))
        .filter(content_items::status.eq("published"))
        .select(content_items::id)
        .load(conn)
}

/// Records a revision.
pub fn insert_revision(conn: &mut AnyConnection, row: &CourseRevisionRow) -> QueryResult<()> {
    diesel::insert_into(content_course_revisions::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The course's revisions, newest first, before `before`, at most `limit`.
pub fn revisions(
    conn: &mut AnyConnection,
    id: &CourseId,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<CourseRevisionRow>> {
    let mut q = content_course_revisions::table
        .filter(content_course_revisions::course_id.eq(id))
        .select(CourseRevisionRow::as_select())
        .order(content_course_revisions::revision.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before {
        q = q.filter(content_course_revisions::revision.lt(before));
    }
    q.load(conn)
}

/// Revisions made by `actor` (the editor's export).
pub fn revisions_by(
    conn: &mut AnyConnection,
    actor: &UserId,
) -> QueryResult<Vec<CourseRevisionRow>> {
    content_course_revisions::table
        .filter(content_course_revisions::actor_id.eq(actor))
        .select(CourseRevisionRow::as_select())
        .order((
            content_course_revisions::created_at.asc(),
            content_course_revisions::revision.asc(),
        ))
        .load(conn)
}

/// Cuts `actor` from the revisions they made (erasure).
pub fn forget_actor(conn: &mut AnyConnection, actor: &UserId) -> QueryResult<usize> {
    diesel::update(
        content_course_revisions::table.filter(content_course_revisions::actor_id.eq(actor)),
    )
    .set(content_course_revisions::actor_id.eq(None::<UserId>))
    .execute(conn)
}
