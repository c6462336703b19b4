//! Queries of the organization tables: organizations, their allowed domains, eligibility
//! lists and memberships.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::{AnyConnection, each_backend, select_for_update};

use crate::model::{MembershipId, OrganizationId, UserId};
use crate::schema::{
    identity_organization_domains, identity_organization_eligibility,
    identity_organization_memberships, identity_organizations, identity_users,
};

/// A row of `identity_organizations`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_organizations)]
pub struct OrganizationRow {
    /// `org_…`.
    pub id: OrganizationId,
    /// Display name.
    pub name: String,
    /// Entries on the current eligibility list.
    pub eligibility_entries: i64,
    /// When the current list was uploaded.
    pub eligibility_uploaded_at: Option<NaiveDateTime>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

/// A row of `identity_organization_eligibility`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_organization_eligibility)]
pub struct EligibilityRow {
    /// The organization.
    pub organization_id: OrganizationId,
    /// Spreadsheet row number of the upload.
    pub row_number: i64,
    /// Lower-case email, if given.
    pub email_normalized: Option<String>,
    /// Employee id, if given.
    pub employee_id: Option<String>,
}

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

/// Inserts an organization.
pub fn insert_organization(conn: &mut AnyConnection, row: &OrganizationRow) -> QueryResult<()> {
    diesel::insert_into(identity_organizations::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The organization with the id, if any.
pub fn find_organization(
    conn: &mut AnyConnection,
    id: &OrganizationId,
) -> QueryResult<Option<OrganizationRow>> {
    identity_organizations::table
        .find(id)
        .select(OrganizationRow::as_select())
        .first(conn)
        .optional()
}

/// Organizations in creation order (ids are time-ordered) after `after`, at most `limit`.
pub fn list_organizations(
    conn: &mut AnyConnection,
    after: Option<OrganizationId>,
    limit: i64,
) -> QueryResult<Vec<OrganizationRow>> {
    let mut query = identity_organizations::table
        .select(OrganizationRow::as_select())
        .order(identity_organizations::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(identity_organizations::id.gt(after));
    }
    query.load(conn)
}

/// Locks the organization's row until the transaction ends (`FOR UPDATE` on
/// PostgreSQL; SQLite's write transaction already holds the lock), so joins, uploads and
/// domain changes of one organization run one after another. `false` if it does not
/// exist.
pub fn lock_organization(conn: &mut AnyConnection, id: &OrganizationId) -> QueryResult<bool> {
    let query = identity_organizations::table
        .find(*id)
        .select(identity_organizations::id);
    select_for_update!(conn, query, |q, c| q.first::<OrganizationId>(c).optional())
        .map(|row| row.is_some())
}

/// Sets the name (if given) and `updated_at`.
pub fn update_organization(
    conn: &mut AnyConnection,
    id: &OrganizationId,
    name: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let target = identity_organizations::table.find(id);
    match name {
        Some(name) => diesel::update(target)
            .set((
                identity_organizations::name.eq(name),
                identity_organizations::updated_at.eq(now),
            ))
            .execute(conn),
        None => diesel::update(target)
            .set(identity_organizations::updated_at.eq(now))
            .execute(conn),
    }
    .map(drop)
}

/// Records a new eligibility list's size and time.
pub fn set_eligibility_stats(
    conn: &mut AnyConnection,
    id: &OrganizationId,
    entries: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(identity_organizations::table.find(id))
        .set((
            identity_organizations::eligibility_entries.eq(entries),
            identity_organizations::eligibility_uploaded_at.eq(Some(now)),
            identity_organizations::updated_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// Allows `domain` for the organization; a domain another organization allows fails
/// with a unique violation.
pub fn insert_domain(
    conn: &mut AnyConnection,
    organization_id: &OrganizationId,
    domain: &str,
) -> QueryResult<()> {
    diesel::insert_into(identity_organization_domains::table)
        .values((
            identity_organization_domains::domain.eq(domain),
            identity_organization_domains::organization_id.eq(organization_id),
        ))
        .execute(conn)
        .map(drop)
}

/// Removes every allowed domain of the organization.
pub fn delete_domains(
    conn: &mut AnyConnection,
    organization_id: &OrganizationId,
) -> QueryResult<()> {
    diesel::delete(
        identity_organization_domains::table
            .filter(identity_organization_domains::organization_id.eq(organization_id)),
    )
    .execute(conn)
    .map(drop)
}

/// `(organization id, domain)` of every allowed domain of the organizations, by domain.
pub fn domains_of(
    conn: &mut AnyConnection,
    organization_ids: &[OrganizationId],
) -> QueryResult<Vec<(OrganizationId, String)>> {
    identity_organization_domains::table
        .filter(identity_organization_domains::organization_id.eq_any(organization_ids))
        .order(identity_organization_domains::domain.asc())
        .select((
            identity_organization_domains::organization_id,
            identity_organization_domains::domain,
        ))
        .load(conn)
}

/// Whether the organization allows `domain`.
pub fn domain_allowed(
    conn: &mut AnyConnection,
    organization_id: &OrganizationId,
    domain: &str,
) -> QueryResult<bool> {
    identity_organization_domains::table
        .find(domain)
        .filter(identity_organization_domains::organization_id.eq(organization_id))
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

/// Removes the organization's eligibility list.
pub fn delete_eligibility(
    conn: &mut AnyConnection,
    organization_id: &OrganizationId,
) -> QueryResult<()> {
    diesel::delete(
        identity_organization_eligibility::table
            .filter(identity_organization_eligibility::organization_id.eq(organization_id)),
    )
    .execute(conn)
    .map(drop)
}

/// Inserts eligibility rows in multi-row statements of 500 (4 parameters a row stays far
/// below both backends' limits).
pub fn insert_eligibility(conn: &mut AnyConnection, rows: &[EligibilityRow]) -> QueryResult<()> {
    for chunk in rows.chunks(500) {
        each_backend!(conn, |c| diesel::insert_into(
            identity_organization_eligibility::table
        )
        .values(chunk)
        .execute(c))?;
    }
    Ok(())
}

/// The organization's eligibility entry for the email, if any.
pub fn eligibility_has_email(
    conn: &mut AnyConnection,
    organization_id: &OrganizationId,
    email_normalized: &str,
) -> QueryResult<bool> {
    identity_organization_eligibility::table
        .filter(identity_organization_eligibility::organization_id.eq(organization_id))
        .filter(identity_organization_eligibility::email_normalized.eq(email_normalized))
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

/// The organization's eligibility entry for the employee id, if any.
pub fn eligibility_by_employee_id(
    conn: &mut AnyConnection,
    organization_id: &OrganizationId,
    employee_id: &str,
) -> QueryResult<Option<EligibilityRow>> {
    identity_organization_eligibility::table
        .filter(identity_organization_eligibility::organization_id.eq(organization_id))
        .filter(identity_organization_eligibility::employee_id.eq(employee_id))
        .select(EligibilityRow::as_select())
        .first(conn)
        .optional()
}

/// The organization's whole eligibility list, in row order.
pub fn eligibility_of(
    conn: &mut AnyConnection,
    organization_id: &OrganizationId,
) -> QueryResult<Vec<EligibilityRow>> {
    identity_organization_eligibility::table
        .filter(identity_organization_eligibility::organization_id.eq(organization_id))
        .order(identity_organization_eligibility::row_number.asc())
        .select(EligibilityRow::as_select())
        .load(conn)
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
