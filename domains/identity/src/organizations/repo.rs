//! Organization rows and their email domains.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::{AnyConnection, select_for_update};

use super::model::OrganizationId;
use crate::schema::{identity_organization_domains, identity_organizations};

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
