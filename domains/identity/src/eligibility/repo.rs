//! Eligibility rows of an organization.

use diesel::prelude::*;
use haven_platform::{AnyConnection, each_backend};

use crate::organizations::model::OrganizationId;
use crate::schema::identity_organization_eligibility;

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
