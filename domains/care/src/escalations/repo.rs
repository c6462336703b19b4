//! Queries of `care_escalations`.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use crate::assessments::model::AssessmentId;
use crate::providers::model::ProviderId;
use crate::schema::{care_escalations as e, care_providers as p, care_team_members as t};

haven_platform::define_id!(
    /// An escalation task (`esc_…`).
    EscalationId,
    "esc"
);

/// A row of `care_escalations`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = e)]
pub struct EscalationRow {
    /// The task.
    pub id: EscalationId,
    /// Whose assessment.
    pub member_id: UserId,
    /// The assessment that raised it.
    pub assessment_id: AssessmentId,
    /// The clinician it is routed to; `None`: the on-call queue.
    pub provider_id: Option<ProviderId>,
    /// JSON list of reasons.
    pub reasons: String,
    /// `open`, `acknowledged`, `resolved`.
    pub status: String,
    /// Response deadline.
    pub due_at: NaiveDateTime,
    /// Who acknowledged.
    pub acknowledged_by: Option<UserId>,
    /// When.
    pub acknowledged_at: Option<NaiveDateTime>,
    /// Who resolved.
    pub resolved_by: Option<UserId>,
    /// When.
    pub resolved_at: Option<NaiveDateTime>,
    /// The resolving clinician's note (health data).
    pub resolution_note: Option<String>,
    /// When the overdue alert went out.
    pub overdue_alerted_at: Option<NaiveDateTime>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
}

impl EscalationRow {
    /// The reasons.
    pub fn reason_list(&self) -> Vec<String> {
        serde_json::from_str(&self.reasons).unwrap_or_default()
    }
}

/// The member's care-team clinician who joined first (therapist or psychiatrist).
pub fn team_clinician(
    conn: &mut AnyConnection,
    member: &UserId,
) -> QueryResult<Option<ProviderId>> {
    t::table
        .inner_join(p::table)
        .filter(t::member_id.eq(member))
        .filter(p::provider_type.eq_any(["therapist", "psychiatrist"]))
        .order((t::since.asc(), t::provider_id.asc()))
        .select(t::provider_id)
        .first(conn)
        .optional()
}

/// Stores a task.
pub fn insert(conn: &mut AnyConnection, row: &EscalationRow) -> QueryResult<()> {
    diesel::insert_into(e::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// One task.
pub fn find(conn: &mut AnyConnection, id: &EscalationId) -> QueryResult<Option<EscalationRow>> {
    e::table
        .find(id)
        .select(EscalationRow::as_select())
        .first(conn)
        .optional()
}

/// The task an assessment raised.
pub fn of_assessment(
    conn: &mut AnyConnection,
    id: &AssessmentId,
) -> QueryResult<Option<EscalationRow>> {
    e::table
        .filter(e::assessment_id.eq(id))
        .select(EscalationRow::as_select())
        .first(conn)
        .optional()
}

/// Tasks routed to `provider` or to the on-call queue, in id order after `after`;
/// `open_only` leaves out resolved ones.
pub fn list_for(
    conn: &mut AnyConnection,
    provider: &ProviderId,
    open_only: bool,
    after: Option<EscalationId>,
    limit: i64,
) -> QueryResult<Vec<EscalationRow>> {
    let mut q = e::table
        .filter(e::provider_id.eq(provider).or(e::provider_id.is_null()))
        .select(EscalationRow::as_select())
        .into_boxed();
    if open_only {
        q = q.filter(e::status.ne("resolved"));
    }
    if let Some(after) = after {
        q = q.filter(e::id.gt(after));
    }
    q.order(e::id.asc()).limit(limit).load(conn)
}

/// Every task (admins' oversight), in id order after `after`; `open_only` leaves out
/// resolved ones, `overdue_only` keeps the open ones past their deadline at `now`.
pub fn list_all(
    conn: &mut AnyConnection,
    open_only: bool,
    overdue_only: Option<NaiveDateTime>,
    after: Option<EscalationId>,
    limit: i64,
) -> QueryResult<Vec<EscalationRow>> {
    let mut q = e::table.select(EscalationRow::as_select()).into_boxed();
    if open_only {
        q = q.filter(e::status.ne("resolved"));
    }
    if let Some(now) = overdue_only {
        q = q.filter(e::status.eq("open")).filter(e::due_at.lt(now));
    }
    if let Some(after) = after {
        q = q.filter(e::id.gt(after));
    }
    q.order(e::id.asc()).limit(limit).load(conn)
}

/// Acknowledges an open task (taking it from the on-call queue when it is there);
/// rows changed.
pub fn acknowledge(
    conn: &mut AnyConnection,
    id: &EscalationId,
    provider: &ProviderId,
    by: &UserId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        e::table
            .find(id)
            .filter(e::status.eq("open"))
            .filter(e::provider_id.eq(provider).or(e::provider_id.is_null())),
    )
    .set((
        e::status.eq("acknowledged"),
        e::provider_id.eq(provider),
        e::acknowledged_by.eq(by),
        e::acknowledged_at.eq(now),
        e::updated_at.eq(now),
    ))
    .execute(conn)
}

/// Resolves an acknowledged task with a note; rows changed.
pub fn resolve(
    conn: &mut AnyConnection,
    id: &EscalationId,
    by: &UserId,
    note: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(e::table.find(id).filter(e::status.eq("acknowledged")))
        .set((
            e::status.eq("resolved"),
            e::resolved_by.eq(by),
            e::resolved_at.eq(now),
            e::resolution_note.eq(note),
            e::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Open tasks past their deadline that were not alerted yet, oldest deadline first.
pub fn overdue(
    conn: &mut AnyConnection,
    now: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<EscalationRow>> {
    e::table
        .filter(e::status.eq("open"))
        .filter(e::due_at.le(now))
        .filter(e::overdue_alerted_at.is_null())
        .order(e::due_at.asc())
        .limit(limit)
        .select(EscalationRow::as_select())
        .load(conn)
}

/// Claims the overdue alert of a task still open; `false` when another run took it or
/// it was acknowledged meanwhile.
pub fn claim_overdue_alert(
    conn: &mut AnyConnection,
    id: &EscalationId,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        e::table
            .find(id)
            .filter(e::status.eq("open"))
            .filter(e::overdue_alerted_at.is_null()),
    )
    .set(e::overdue_alerted_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

/// Every task of the member (export).
pub fn all_of_member(conn: &mut AnyConnection, member: &UserId) -> QueryResult<Vec<EscalationRow>> {
    e::table
        .filter(e::member_id.eq(member))
        .select(EscalationRow::as_select())
        .order(e::id.asc())
        .load(conn)
}
