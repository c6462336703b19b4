//! Queries of `care_assessments`.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use super::model::AssessmentId;
use crate::schema::care_assessments as a;

/// A row of `care_assessments`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = a)]
pub struct AssessmentRow {
    /// The assessment.
    pub id: AssessmentId,
    /// Whose.
    pub member_id: UserId,
    /// `phq9` or `gad7`.
    pub instrument: String,
    /// The definition's version it was scored by.
    pub instrument_version: i32,
    /// JSON list of answers (0–3), in item order.
    pub answers: String,
    /// Their sum.
    pub total: i32,
    /// The band.
    pub severity: String,
    /// Whether it escalated.
    pub escalated: bool,
    /// When it was submitted.
    pub created_at: NaiveDateTime,
}

impl AssessmentRow {
    /// The answers.
    pub fn answer_list(&self) -> Vec<i32> {
        serde_json::from_str(&self.answers).unwrap_or_default()
    }
}

/// Stores an assessment.
pub fn insert(conn: &mut AnyConnection, row: &AssessmentRow) -> QueryResult<()> {
    diesel::insert_into(a::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// One assessment.
pub fn find(conn: &mut AnyConnection, id: &AssessmentId) -> QueryResult<Option<AssessmentRow>> {
    a::table
        .find(id)
        .select(AssessmentRow::as_select())
        .first(conn)
        .optional()
}

/// The member's assessments (of `instrument`, if given) in id order after `after`.
pub fn list_member(
    conn: &mut AnyConnection,
    member: &UserId,
    instrument: Option<&str>,
    after: Option<AssessmentId>,
    limit: i64,
) -> QueryResult<Vec<AssessmentRow>> {
    let mut q = a::table
        .filter(a::member_id.eq(member))
        .select(AssessmentRow::as_select())
        .into_boxed();
    if let Some(i) = instrument {
        q = q.filter(a::instrument.eq(i.to_owned()));
    }
    if let Some(after) = after {
        q = q.filter(a::id.gt(after));
    }
    q.order(a::id.asc()).limit(limit).load(conn)
}

/// The member's latest `limit` assessments of `instrument`, oldest first.
pub fn latest(
    conn: &mut AnyConnection,
    member: &UserId,
    instrument: &str,
    limit: i64,
) -> QueryResult<Vec<AssessmentRow>> {
    let mut rows: Vec<AssessmentRow> = a::table
        .filter(a::member_id.eq(member))
        .filter(a::instrument.eq(instrument))
        .select(AssessmentRow::as_select())
        .order(a::id.desc())
        .limit(limit)
        .load(conn)?;
    rows.reverse();
    Ok(rows)
}

/// Every assessment of the member (export).
pub fn all_of_member(conn: &mut AnyConnection, member: &UserId) -> QueryResult<Vec<AssessmentRow>> {
    a::table
        .filter(a::member_id.eq(member))
        .select(AssessmentRow::as_select())
        .order(a::id.asc())
        .load(conn)
}
