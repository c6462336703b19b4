//! Queries of the employer tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, each_backend};

use super::model::{MembershipId, OrganizationId, WaitlistId};
use crate::catalog::model::ProductId;
use crate::schema::{
    billing_employer_contracts, billing_employer_paid_twice, billing_employer_seats,
    billing_employer_waitlist, billing_subscriptions,
};
use crate::subscriptions::repo::SubscriptionRow;

/// A row of `billing_employer_contracts`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_employer_contracts)]
pub struct ContractRow {
    /// The organization.
    pub organization_id: OrganizationId,
    /// The product its members get.
    pub product_id: ProductId,
    /// How many members at once.
    pub seats: i64,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

/// A row of `billing_employer_seats`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_employer_seats)]
pub struct SeatRow {
    /// The membership.
    pub membership_id: MembershipId,
    /// The organization.
    pub organization_id: OrganizationId,
    /// The member.
    pub user_id: UserId,
    /// `seated`, `waitlisted` or `ended`.
    pub state: String,
    /// When the membership started.
    pub joined_at: NaiveDateTime,
    /// When it ended.
    pub ended_at: Option<NaiveDateTime>,
}

/// Creates or replaces the organization's contract.
pub fn upsert_contract(conn: &mut AnyConnection, row: &ContractRow) -> QueryResult<()> {
    use billing_employer_contracts as c;
    each_backend!(conn, |x| diesel::insert_into(c::table)
        .values(row)
        .on_conflict(c::organization_id)
        .do_update()
        .set((
            c::product_id.eq(row.product_id),
            c::seats.eq(row.seats),
            c::updated_at.eq(row.updated_at),
        ))
        .execute(x))
    .map(drop)
}

/// The organization's contract, locked until the transaction ends (seat decisions of one
/// organization run one after another).
pub fn lock_contract(
    conn: &mut AnyConnection,
    org: &OrganizationId,
) -> QueryResult<Option<ContractRow>> {
    let query = billing_employer_contracts::table
        .find(*org)
        .select(billing_employer_contracts::organization_id);
    let found = haven_platform::select_for_update!(conn, query, |q, c| q
        .first::<OrganizationId>(c)
        .optional())?;
    match found {
        Some(_) => find_contract(conn, org),
        None => Ok(None),
    }
}

/// The organization's contract.
pub fn find_contract(
    conn: &mut AnyConnection,
    org: &OrganizationId,
) -> QueryResult<Option<ContractRow>> {
    billing_employer_contracts::table
        .find(*org)
        .select(ContractRow::as_select())
        .first(conn)
        .optional()
}

/// The membership's row.
pub fn find_seat(conn: &mut AnyConnection, id: &MembershipId) -> QueryResult<Option<SeatRow>> {
    billing_employer_seats::table
        .find(*id)
        .select(SeatRow::as_select())
        .first(conn)
        .optional()
}

/// Inserts a membership's row.
pub fn insert_seat(conn: &mut AnyConnection, row: &SeatRow) -> QueryResult<()> {
    diesel::insert_into(billing_employer_seats::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// Sets a membership's state (and its end).
pub fn set_state(
    conn: &mut AnyConnection,
    id: &MembershipId,
    state: &str,
    ended_at: Option<NaiveDateTime>,
) -> QueryResult<()> {
    diesel::update(billing_employer_seats::table.find(*id))
        .set((
            billing_employer_seats::state.eq(state),
            billing_employer_seats::ended_at.eq(ended_at),
        ))
        .execute(conn)
        .map(drop)
}

/// How many of the organization's members hold a seat.
pub fn seated(conn: &mut AnyConnection, org: &OrganizationId) -> QueryResult<i64> {
    billing_employer_seats::table
        .filter(billing_employer_seats::organization_id.eq(*org))
        .filter(billing_employer_seats::state.eq("seated"))
        .count()
        .get_result(conn)
}

/// A row of `billing_employer_waitlist`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_employer_waitlist)]
pub struct WaitlistRow {
    /// `bwl_…`, time-ordered: first come first.
    pub id: WaitlistId,
    /// The organization.
    pub organization_id: OrganizationId,
    /// The member.
    pub user_id: UserId,
    /// Identity's membership, when one exists (a refused join has none).
    pub membership_id: Option<MembershipId>,
    /// When the member asked for a seat.
    pub requested_at: NaiveDateTime,
}

/// Puts the member on the organization's waitlist unless they are on it already.
pub fn add_to_waitlist(conn: &mut AnyConnection, row: &WaitlistRow) -> QueryResult<()> {
    use billing_employer_waitlist as w;
    each_backend!(conn, |x| diesel::insert_into(w::table)
        .values(row)
        .on_conflict((w::organization_id, w::user_id))
        .do_nothing()
        .execute(x))
    .map(drop)
}

/// Takes the member off the organization's waitlist.
pub fn remove_from_waitlist(
    conn: &mut AnyConnection,
    org: &OrganizationId,
    user: &UserId,
) -> QueryResult<()> {
    use billing_employer_waitlist as w;
    diesel::delete(
        w::table
            .filter(w::organization_id.eq(*org))
            .filter(w::user_id.eq(*user)),
    )
    .execute(conn)
    .map(drop)
}

/// The organization's waitlist, first come first, after `after`.
pub fn waitlist(
    conn: &mut AnyConnection,
    org: &OrganizationId,
    after: Option<WaitlistId>,
    limit: i64,
) -> QueryResult<Vec<WaitlistRow>> {
    use billing_employer_waitlist as w;
    let mut q = w::table
        .filter(w::organization_id.eq(*org))
        .select(WaitlistRow::as_select())
        .order(w::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(w::id.gt(after));
    }
    q.load(conn)
}

/// Members of the organization waiting for a seat, first come first (they joined while
/// the seats were full, so identity's membership exists).
pub fn waiting_seats(
    conn: &mut AnyConnection,
    org: &OrganizationId,
    limit: i64,
) -> QueryResult<Vec<SeatRow>> {
    billing_employer_seats::table
        .filter(billing_employer_seats::organization_id.eq(*org))
        .filter(billing_employer_seats::state.eq("waitlisted"))
        .select(SeatRow::as_select())
        .order((
            billing_employer_seats::joined_at.asc(),
            billing_employer_seats::membership_id.asc(),
        ))
        .limit(limit)
        .load(conn)
}

/// The organization's seated members.
pub fn seated_members(conn: &mut AnyConnection, org: &OrganizationId) -> QueryResult<Vec<SeatRow>> {
    billing_employer_seats::table
        .filter(billing_employer_seats::organization_id.eq(*org))
        .filter(billing_employer_seats::state.eq("seated"))
        .select(SeatRow::as_select())
        .load(conn)
}

/// The member's subscriptions that will renew: they pay us personally.
pub fn renewing_subscriptions(
    conn: &mut AnyConnection,
    user_id: &UserId,
) -> QueryResult<Vec<SubscriptionRow>> {
    use billing_subscriptions as s;
    s::table
        .filter(s::user_id.eq(user_id))
        .filter(s::status.eq_any(["trialing", "active", "past_due"]))
        .filter(s::cancel_at_period_end.eq(false))
        .select(SubscriptionRow::as_select())
        .order(s::id.asc())
        .load(conn)
}

/// Whether the member was told about paying twice for this seat.
pub fn paid_twice_notified(conn: &mut AnyConnection, id: &MembershipId) -> QueryResult<bool> {
    use billing_employer_paid_twice as p;
    p::table
        .find(*id)
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

/// Records that the member was told.
pub fn record_paid_twice(
    conn: &mut AnyConnection,
    id: &MembershipId,
    user_id: &UserId,
    now: NaiveDateTime,
) -> QueryResult<()> {
    use billing_employer_paid_twice as p;
    each_backend!(conn, |x| diesel::insert_into(p::table)
        .values((
            p::membership_id.eq(*id),
            p::user_id.eq(user_id),
            p::notified_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(x))
    .map(drop)
}

/// The member's waitlist entries, for the export.
pub fn waitlist_of(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<Vec<WaitlistRow>> {
    use billing_employer_waitlist as w;
    w::table
        .filter(w::user_id.eq(user_id))
        .select(WaitlistRow::as_select())
        .load(conn)
}

/// Deletes the member's waitlist entries and paid-twice records.
pub fn delete_waitlist_of(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<usize> {
    use billing_employer_paid_twice as p;
    use billing_employer_waitlist as w;
    Ok(
        diesel::delete(w::table.filter(w::user_id.eq(user_id))).execute(conn)?
            + diesel::delete(p::table.filter(p::user_id.eq(user_id))).execute(conn)?,
    )
}

/// Cuts the member's seats from the person: the employer's seat count (what it pays for)
/// keeps the rows, under a fresh pseudonym, and the membership id still ends them when
/// identity reports the leave. Rows changed.
pub fn pseudonymize_seats_of(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<usize> {
    use billing_employer_seats as s;
    diesel::update(s::table.filter(s::user_id.eq(user_id)))
        .set(s::user_id.eq(UserId::new()))
        .execute(conn)
}

/// The member's sponsorship rows, for the export.
pub fn seats_of(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<Vec<SeatRow>> {
    billing_employer_seats::table
        .filter(billing_employer_seats::user_id.eq(user_id))
        .select(SeatRow::as_select())
        .load(conn)
}

/// Deletes the member's sponsorship rows.
pub fn delete_seats_of(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<usize> {
    diesel::delete(
        billing_employer_seats::table.filter(billing_employer_seats::user_id.eq(user_id)),
    )
    .execute(conn)
}
