//! Playback event rows, active days and course progress.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, each_backend};

use crate::courses::model::CourseId;
use crate::items::model::ItemId;
use crate::schema::{
    content_active_days, content_course_progress, content_items, content_playback_events,
};

/// A row of `content_playback_events`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = content_playback_events)]
pub struct EventRow {
    /// The member.
    pub user_id: UserId,
    /// The client's id.
    pub event_id: String,
    /// `started`, `progress` or `completed`.
    pub kind: String,
    /// The item.
    pub item_id: ItemId,
    /// The course, if any.
    pub course_id: Option<CourseId>,
    /// The variant's length.
    pub duration_s: i32,
    /// The playhead.
    pub position_s: i32,
    /// When (UTC).
    pub occurred_at: NaiveDateTime,
    /// The zone it was recorded in.
    pub time_zone: String,
    /// The member's day, `YYYY-MM-DD`.
    pub local_day: String,
    /// When the server got it.
    pub received_at: NaiveDateTime,
}

/// A row of `content_active_days`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = content_active_days)]
pub struct ActiveDayRow {
    /// The member.
    pub user_id: UserId,
    /// `YYYY-MM-DD`.
    pub day: String,
    /// The zone of its first completion.
    pub time_zone: String,
    /// When it was recorded.
    pub created_at: NaiveDateTime,
}

/// A row of `content_course_progress`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = content_course_progress)]
pub struct ProgressRow {
    /// The member.
    pub user_id: UserId,
    /// The course.
    pub course_id: CourseId,
    /// The session's item.
    pub item_id: ItemId,
    /// When it was completed.
    pub completed_at: NaiveDateTime,
}

/// Inserts the event unless the member already has one with its id; whether it did.
pub fn insert_event(conn: &mut AnyConnection, row: &EventRow) -> QueryResult<bool> {
    each_backend!(conn, |c| diesel::insert_into(
        content_playback_events::table
    )
    .values(row)
    .on_conflict_do_nothing()
    .execute(c))
    .map(|n| n == 1)
}

/// Records the active day unless it is already; whether it was new.
pub fn insert_active_day(conn: &mut AnyConnection, row: &ActiveDayRow) -> QueryResult<bool> {
    each_backend!(conn, |c| diesel::insert_into(content_active_days::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(c))
    .map(|n| n == 1)
}

/// Records a completed course session unless it is already.
pub fn insert_progress(conn: &mut AnyConnection, row: &ProgressRow) -> QueryResult<()> {
    each_backend!(conn, |c| diesel::insert_into(
        content_course_progress::table
    )
    .values(row)
    .on_conflict_do_nothing()
    .execute(c))
    .map(drop)
}

/// Which of `ids` are items (any status: an offline play of a since-withdrawn item
/// still happened).
pub fn existing_items(conn: &mut AnyConnection, ids: &[ItemId]) -> QueryResult<Vec<ItemId>> {
    content_items::table
        .filter(content_items::id.eq_any(ids))
        .select(content_items::id)
        .load(conn)
}

/// `(local_day, duration_s)` of the member's completed events.
pub fn completions(conn: &mut AnyConnection, user: &UserId) -> QueryResult<Vec<(String, i32)>> {
    content_playback_events::table
        .filter(content_playback_events::user_id.eq(user))
        .filter(content_playback_events::kind.eq("completed"))
        .select((
            content_playback_events::local_day,
            content_playback_events::duration_s,
        ))
        .load(conn)
}

/// The member's active days.
pub fn active_days(conn: &mut AnyConnection, user: &UserId) -> QueryResult<Vec<ActiveDayRow>> {
    content_active_days::table
        .filter(content_active_days::user_id.eq(user))
        .select(ActiveDayRow::as_select())
        .order(content_active_days::day.asc())
        .load(conn)
}

/// The member's latest events, newest first, at most `limit`.
pub fn recent_events(
    conn: &mut AnyConnection,
    user: &UserId,
    limit: i64,
) -> QueryResult<Vec<EventRow>> {
    content_playback_events::table
        .filter(content_playback_events::user_id.eq(user))
        .select(EventRow::as_select())
        .order((
            content_playback_events::occurred_at.desc(),
            content_playback_events::event_id.desc(),
        ))
        .limit(limit)
        .load(conn)
}

/// Every event of the member, oldest first (export).
pub fn all_events(conn: &mut AnyConnection, user: &UserId) -> QueryResult<Vec<EventRow>> {
    content_playback_events::table
        .filter(content_playback_events::user_id.eq(user))
        .select(EventRow::as_select())
        .order((
            content_playback_events::occurred_at.asc(),
            content_playback_events::event_id.asc(),
        ))
        .load(conn)
}

/// The member's completed sessions of a course.
pub fn course_progress(
    conn: &mut AnyConnection,
    user: &UserId,
    course: Option<&CourseId>,
) -> QueryResult<Vec<ProgressRow>> {
    let mut q = content_course_progress::table
        .filter(content_course_progress::user_id.eq(user))
        .select(ProgressRow::as_select())
        .order((
            content_course_progress::course_id.asc(),
            content_course_progress::completed_at.asc(),
        ))
        .into_boxed();
    if let Some(course) = course {
        q = q.filter(content_course_progress::course_id.eq(course));
    }
    q.load(conn)
}

/// Deletes the member's events, active days and course progress (erasure).
pub fn erase(conn: &mut AnyConnection, user: &UserId) -> QueryResult<()> {
    diesel::delete(
        content_playback_events::table.filter(content_playback_events::user_id.eq(user)),
    )
    .execute(conn)?;
    diesel::delete(content_active_days::table.filter(content_active_days::user_id.eq(user)))
        .execute(conn)?;
    diesel::delete(
        content_course_progress::table.filter(content_course_progress::user_id.eq(user)),
    )
    .execute(conn)?;
    Ok(())
}
