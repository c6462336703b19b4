//! Queries of `care_appointments` and `care_team_members`.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::Error;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, each_backend};

use super::model::{ACTIVE, AppointmentId};
use crate::providers::model::ProviderId;
use crate::schema::{care_appointments as a, care_team_members as t};

/// The exclusion constraint on a provider's blocked time (PostgreSQL).
pub const PROVIDER_OVERLAP: &str = "care_appointments_provider_no_overlap";
/// The exclusion constraint on a member's sessions (PostgreSQL).
pub const MEMBER_OVERLAP: &str = "care_appointments_member_no_overlap";

/// A row of `care_appointments`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = a)]
pub struct AppointmentRow {
    /// `apt_…`.
    pub id: AppointmentId,
    /// The member.
    pub member_id: UserId,
    /// The provider.
    pub provider_id: ProviderId,
    /// Type name.
    pub appointment_type: String,
    /// Status name.
    pub status: String,
    /// Start (UTC).
    pub starts_at: NaiveDateTime,
    /// End (UTC).
    pub ends_at: NaiveDateTime,
    /// Provider's blocked time from.
    pub blocked_from: NaiveDateTime,
    /// Provider's blocked time until.
    pub blocked_until: NaiveDateTime,
    /// Consumed feature.
    pub unit_feature: Option<String>,
    /// Consumption reference.
    pub unit_reference: Option<String>,
    /// The appointment this one replaced.
    pub rescheduled_from: Option<AppointmentId>,
    /// `member` or `provider`.
    pub cancelled_by: Option<String>,
    /// When cancelled.
    pub cancelled_at: Option<NaiveDateTime>,
    /// When a late cancellation or no-show counted against the member.
    pub strike_at: Option<NaiveDateTime>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
}

/// Which side of a booking overlaps an active appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlap {
    /// The provider's time is taken.
    Provider,
    /// The member has a session then.
    Member,
}

/// The overlap an exclusion constraint reported, if `err` is one (PostgreSQL; SQLite
/// has none and checks in the transaction instead).
pub fn overlap_violation(err: &Error) -> Option<Overlap> {
    let Error::DatabaseError(_, info) = err else {
        return None;
    };
    match info.constraint_name()? {
        PROVIDER_OVERLAP => Some(Overlap::Provider),
        MEMBER_OVERLAP => Some(Overlap::Member),
        _ => None,
    }
}

/// Inserts an appointment.
pub fn insert(conn: &mut AnyConnection, row: &AppointmentRow) -> QueryResult<()> {
    diesel::insert_into(a::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The appointment with the id.
pub fn find(conn: &mut AnyConnection, id: &AppointmentId) -> QueryResult<Option<AppointmentRow>> {
    a::table
        .find(id)
        .select(AppointmentRow::as_select())
        .first(conn)
        .optional()
}

/// The provider's blocked ranges of active appointments touching `[from, to)`.
pub fn provider_busy(
    conn: &mut AnyConnection,
    provider: &ProviderId,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<(NaiveDateTime, NaiveDateTime)>> {
    a::table
        .filter(a::provider_id.eq(provider))
        .filter(a::status.eq_any(ACTIVE))
        .filter(a::blocked_from.lt(to))
        .filter(a::blocked_until.gt(from))
        .select((a::blocked_from, a::blocked_until))
        .load(conn)
}

/// Blocked ranges of active appointments of several providers touching `[from, to)`.
pub fn providers_busy(
    conn: &mut AnyConnection,
    providers: &[ProviderId],
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<(ProviderId, NaiveDateTime, NaiveDateTime)>> {
    a::table
        .filter(a::provider_id.eq_any(providers))
        .filter(a::status.eq_any(ACTIVE))
        .filter(a::blocked_from.lt(to))
        .filter(a::blocked_until.gt(from))
        .select((a::provider_id, a::blocked_from, a::blocked_until))
        .load(conn)
}

/// Whether the provider's blocked time or the member's session overlaps an active
/// appointment (other than `except`).
pub fn overlap(
    conn: &mut AnyConnection,
    row: &AppointmentRow,
    except: Option<AppointmentId>,
) -> QueryResult<Option<Overlap>> {
    let mut q = a::table
        .filter(a::provider_id.eq(row.provider_id))
        .filter(a::status.eq_any(ACTIVE))
        .filter(a::blocked_from.lt(row.blocked_until))
        .filter(a::blocked_until.gt(row.blocked_from))
        .select(a::id)
        .into_boxed();
    if let Some(x) = except {
        q = q.filter(a::id.ne(x));
    }
    if q.first::<AppointmentId>(conn).optional()?.is_some() {
        return Ok(Some(Overlap::Provider));
    }
    let mut q = a::table
        .filter(a::member_id.eq(row.member_id))
        .filter(a::status.eq_any(ACTIVE))
        .filter(a::starts_at.lt(row.ends_at))
        .filter(a::ends_at.gt(row.starts_at))
        .select(a::id)
        .into_boxed();
    if let Some(x) = except {
        q = q.filter(a::id.ne(x));
    }
    Ok(q.first::<AppointmentId>(conn)
        .optional()?
        .map(|_| Overlap::Member))
}

/// Moves an appointment from status `from` to `to`; rows changed.
pub fn transition(
    conn: &mut AnyConnection,
    id: &AppointmentId,
    from: &str,
    to: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(a::table.find(id).filter(a::status.eq(from)))
        .set((a::status.eq(to), a::updated_at.eq(now)))
        .execute(conn)
}

/// Cancels a booked appointment; rows changed.
pub fn cancel(
    conn: &mut AnyConnection,
    id: &AppointmentId,
    by: &str,
    now: NaiveDateTime,
    strike_at: Option<NaiveDateTime>,
) -> QueryResult<usize> {
    diesel::update(a::table.find(id).filter(a::status.eq("booked")))
        .set((
            a::status.eq("cancelled"),
            a::cancelled_by.eq(by),
            a::cancelled_at.eq(now),
            a::strike_at.eq(strike_at),
            a::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Marks a booked appointment as a no-show striking at `strike_at`; rows changed.
pub fn no_show(
    conn: &mut AnyConnection,
    id: &AppointmentId,
    strike_at: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(a::table.find(id).filter(a::status.eq("booked")))
        .set((
            a::status.eq("no_show"),
            a::strike_at.eq(strike_at),
            a::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Deletes a pending appointment (its unit could not be consumed); rows deleted.
pub fn delete_pending(conn: &mut AnyConnection, id: &AppointmentId) -> QueryResult<usize> {
    diesel::delete(a::table.find(id).filter(a::status.eq("pending"))).execute(conn)
}

/// Pending appointments created before `before` (left by a crash).
pub fn stale_pending(
    conn: &mut AnyConnection,
    before: NaiveDateTime,
) -> QueryResult<Vec<AppointmentRow>> {
    a::table
        .filter(a::status.eq("pending"))
        .filter(a::created_at.lt(before))
        .select(AppointmentRow::as_select())
        .limit(100)
        .load(conn)
}

/// The member's strikes since `since`.
pub fn strikes(
    conn: &mut AnyConnection,
    member: &UserId,
    since: NaiveDateTime,
) -> QueryResult<Vec<NaiveDateTime>> {
    a::table
        .filter(a::member_id.eq(member))
        .filter(a::strike_at.gt(since))
        .select(a::strike_at.assume_not_null())
        .load(conn)
}

/// The member's appointments in id order after `after`.
pub fn list_member(
    conn: &mut AnyConnection,
    member: &UserId,
    after: Option<AppointmentId>,
    limit: i64,
) -> QueryResult<Vec<AppointmentRow>> {
    let mut q = a::table
        .filter(a::member_id.eq(member))
        .select(AppointmentRow::as_select())
        .order(a::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(a::id.gt(after));
    }
    q.load(conn)
}

/// The provider's appointments in id order after `after`.
pub fn list_provider(
    conn: &mut AnyConnection,
    provider: &ProviderId,
    after: Option<AppointmentId>,
    limit: i64,
) -> QueryResult<Vec<AppointmentRow>> {
    let mut q = a::table
        .filter(a::provider_id.eq(provider))
        .select(AppointmentRow::as_select())
        .order(a::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(a::id.gt(after));
    }
    q.load(conn)
}

/// Every appointment of the member (export).
pub fn all_of_member(
    conn: &mut AnyConnection,
    member: &UserId,
) -> QueryResult<Vec<AppointmentRow>> {
    a::table
        .filter(a::member_id.eq(member))
        .select(AppointmentRow::as_select())
        .order(a::id.asc())
        .load(conn)
}

/// Adds the provider to the member's care team (kept if already there).
pub fn join_team(
    conn: &mut AnyConnection,
    member: &UserId,
    provider: &ProviderId,
    since: NaiveDateTime,
) -> QueryResult<()> {
    each_backend!(conn, |c| {
        diesel::insert_into(t::table)
            .values((
                t::member_id.eq(member),
                t::provider_id.eq(provider),
                t::since.eq(since),
            ))
            .on_conflict((t::member_id, t::provider_id))
            .do_nothing()
            .execute(c)
            .map(drop)
    })
}

/// The member's care team: providers and since when.
pub fn team(
    conn: &mut AnyConnection,
    member: &UserId,
) -> QueryResult<Vec<(ProviderId, NaiveDateTime)>> {
    t::table
        .filter(t::member_id.eq(member))
        .order(t::since.asc())
        .select((t::provider_id, t::since))
        .load(conn)
}

/// Whether the provider is on the member's care team.
pub fn on_team(
    conn: &mut AnyConnection,
    member: &UserId,
    provider: &ProviderId,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        t::table
            .filter(t::member_id.eq(member))
            .filter(t::provider_id.eq(provider)),
    ))
    .get_result(conn)
}

/// Whether the account `user` is, as a provider of one of `types`, on the member's care
/// team: who may see a member's health data.
pub fn serves(
    conn: &mut AnyConnection,
    user: &UserId,
    member: &UserId,
    types: &[&str],
) -> QueryResult<bool> {
    use crate::schema::care_providers as p;
    diesel::select(diesel::dsl::exists(
        t::table
            .inner_join(p::table)
            .filter(t::member_id.eq(member))
            .filter(p::user_id.eq(user))
            .filter(p::provider_type.eq_any(types)),
    ))
    .get_result(conn)
}

/// Claims the reminder `hours_before` of an appointment; `false` when it was claimed
/// (sent) before.
pub fn claim_reminder(
    conn: &mut AnyConnection,
    id: &AppointmentId,
    hours_before: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    use crate::schema::care_reminders_sent as r;
    let n = each_backend!(conn, |c| {
        diesel::insert_into(r::table)
            .values((
                r::appointment_id.eq(id),
                r::hours_before.eq(hours_before),
                r::sent_at.eq(now),
            ))
            .on_conflict((r::appointment_id, r::hours_before))
            .do_nothing()
            .execute(c)
    })?;
    Ok(n == 1)
}

/// Gives a claim back (the send failed; the job's retry claims it again).
pub fn unclaim_reminder(
    conn: &mut AnyConnection,
    id: &AppointmentId,
    hours_before: i64,
) -> QueryResult<usize> {
    use crate::schema::care_reminders_sent as r;
    diesel::delete(
        r::table
            .filter(r::appointment_id.eq(id))
            .filter(r::hours_before.eq(hours_before)),
    )
    .execute(conn)
}
