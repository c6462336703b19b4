//! Membership rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use super::model::MembershipId;
use crate::organizations::model::OrganizationId;
use crate::schema::{identity_organization_memberships, identity_users};

/// A row of `identity_organization_memberships`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_organization_memberships)]
pub struct MembershipRow {
    /// `mbr_…`.
    pub id: MembershipId,
    /// The organization.
    pub organization_id: OrganizationId,
    /// The member.
    pub user_id: UserId,
    /// `email_domain`, `eligibility_email` or `employee_id`.
    pub via: String,
    /// The employee id joined with, if that is how.
    pub employee_id: Option<String>,
    /// Started.
    pub joined_at: NaiveDateTime,
    /// Ended, if it did.
    pub ended_at: Option<NaiveDateTime>,
    /// Why it ended.
    pub end_reason: Option<String>,
}

/// Inserts a membership; a second active one for the user (or for the employee id in
/// the organization) fails with a unique violation.
pub fn insert_membership(conn: &mut AnyConnection, row: &MembershipRow) -> QueryResult<()> {
    diesel::insert_into(identity_organization_memberships::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The user's active membership, if any.
pub fn active_membership_of_user(
    conn: &mut AnyConnection,
    user_id: &UserId,
) -> QueryResult<Option<MembershipRow>> {
    identity_organization_memberships::table
        .filter(identity_organization_memberships::user_id.eq(user_id))
        .filter(identity_organization_memberships::ended_at.is_null())
        .select(MembershipRow::as_select())
        .first(conn)
        .optional()
}

/// Whether an active membership of the organization holds the employee id.
pub fn employee_id_in_use(
    conn: &mut AnyConnection,
    organization_id: &OrganizationId,
    employee_id: &str,
) -> QueryResult<bool> {
    identity_organization_memberships::table
        .filter(identity_organization_memberships::organization_id.eq(organization_id))
        .filter(identity_organization_memberships::employee_id.eq(employee_id))
        .filter(identity_organization_memberships::ended_at.is_null())
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

/// Ends the active memberships with the ids; returns how many it ended.
pub fn end_memberships(
    conn: &mut AnyConnection,
    ids: &[MembershipId],
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        identity_organization_memberships::table
            .filter(identity_organization_memberships::id.eq_any(ids))
            .filter(identity_organization_memberships::ended_at.is_null()),
    )
    .set((
        identity_organization_memberships::ended_at.eq(Some(now)),
        identity_organization_memberships::end_reason.eq(Some(reason)),
    ))
    .execute(conn)
}

/// The organization's active memberships joined one of the `via` ways, each with the
/// member's normalized email.
pub fn active_memberships_via(
    conn: &mut AnyConnection,
    organization_id: &OrganizationId,
    via: &[&str],
) -> QueryResult<Vec<(MembershipRow, String)>> {
    identity_organization_memberships::table
        .inner_join(identity_users::table)
        .filter(identity_organization_memberships::organization_id.eq(organization_id))
        .filter(identity_organization_memberships::ended_at.is_null())
        .filter(identity_organization_memberships::via.eq_any(via))
        .select((MembershipRow::as_select(), identity_users::email_normalized))
        .load(conn)
}

/// The organization's active memberships in join order after the membership id
/// `after`, at most `limit`, each with the member's email as shown.
pub fn list_active_members(
    conn: &mut AnyConnection,
    organization_id: &OrganizationId,
    after: Option<MembershipId>,
    limit: i64,
) -> QueryResult<Vec<(MembershipRow, String)>> {
    let mut query = identity_organization_memberships::table
        .inner_join(identity_users::table)
        .filter(identity_organization_memberships::organization_id.eq(organization_id))
        .filter(identity_organization_memberships::ended_at.is_null())
        .order(identity_organization_memberships::id.asc())
        .limit(limit)
        .select((MembershipRow::as_select(), identity_users::email))
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(identity_organization_memberships::id.gt(after));
    }
    query.load(conn)
}

/// Every membership of the organization, active or ended, in join order (tests and
/// support tooling).
pub fn memberships_of_organization(
    conn: &mut AnyConnection,
    organization_id: &OrganizationId,
) -> QueryResult<Vec<MembershipRow>> {
    identity_organization_memberships::table
        .filter(identity_organization_memberships::organization_id.eq(organization_id))
        .order(identity_organization_memberships::id.asc())
        .select(MembershipRow::as_select())
        .load(conn)
}

/// Every membership of the user, active or ended, in join order (the user's export).
pub fn memberships_of_user(
    conn: &mut AnyConnection,
    user_id: &UserId,
) -> QueryResult<Vec<MembershipRow>> {
    identity_organization_memberships::table
        .filter(identity_organization_memberships::user_id.eq(user_id))
        .order(identity_organization_memberships::id.asc())
        .select(MembershipRow::as_select())
        .load(conn)
}
