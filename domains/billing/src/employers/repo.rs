//! Queries of the employer tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, each_backend};

use super::model::{MembershipId, OrganizationId};
use crate::catalog::model::ProductId;
use crate::schema::{billing_employer_contracts, billing_employer_seats};

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

/// The organization's waitlist, first come first, after `after`.
pub fn waitlist(
    conn: &mut AnyConnection,
    org: &OrganizationId,
    after: Option<MembershipId>,
    limit: i64,
) -> QueryResult<Vec<SeatRow>> {
    let mut q = billing_employer_seats::table
        .filter(billing_employer_seats::organization_id.eq(*org))
        .filter(billing_employer_seats::state.eq("waitlisted"))
        .select(SeatRow::as_select())
        .order(billing_employer_seats::membership_id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(billing_employer_seats::membership_id.gt(after));
    }
    q.load(conn)
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
