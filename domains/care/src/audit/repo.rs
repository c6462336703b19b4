//! Queries of `care_phi_audit`: inserts, and the admins' filtered keyset query. The
//! table refuses UPDATE and DELETE (database triggers), so there is no other query.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use super::model::{Access, AuditId};
use crate::schema::care_phi_audit as t;

/// A row of `care_phi_audit`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = t)]
pub struct AuditRow {
    /// The row.
    pub id: AuditId,
    /// Who acted.
    pub actor_id: UserId,
    /// In which role (`member`, `coach`, `clinician`, `admin`, `system`).
    pub actor_role: String,
    /// The member whose data it is.
    pub subject_id: Option<UserId>,
    /// `care_profile`, `assessment`, `escalation`, `phi_audit`, `appointment`,
    /// `chat_thread`, `chat_message`, `clinical_note`.
    pub resource_type: String,
    /// The resource's id (none for lists).
    pub resource_id: Option<String>,
    /// `read`, `list`, `create`, `update`, `acknowledge`, `resolve`, `query`.
    pub action: String,
    /// `allowed` or `denied`.
    pub outcome: String,
    /// The reason an admin gave.
    pub reason: Option<String>,
    /// The request it happened in.
    pub request_id: Option<String>,
    /// When.
    pub at: NaiveDateTime,
}

/// Records one access.
pub fn record(conn: &mut AnyConnection, access: &Access) -> QueryResult<()> {
    diesel::insert_into(t::table)
        .values(access.row())
        .execute(conn)
        .map(drop)
}

/// Records several accesses (one statement each: diesel's multi-backend connection has
/// no batch insert; the statement is prepared once and cached).
pub fn record_all(conn: &mut AnyConnection, accesses: &[Access]) -> QueryResult<()> {
    accesses.iter().try_for_each(|a| record(conn, a))
}

/// What an admin's query filters on; every field narrows.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The member whose data was touched.
    pub subject: Option<UserId>,
    /// Who touched it.
    pub actor: Option<UserId>,
    /// The kind of resource.
    pub resource_type: Option<String>,
    /// The resource.
    pub resource_id: Option<String>,
    /// At or after.
    pub from: Option<NaiveDateTime>,
    /// Before.
    pub to: Option<NaiveDateTime>,
}

/// Rows matching `f` in id (time) order after `after`, at most `limit`.
pub fn query(
    conn: &mut AnyConnection,
    f: &Filter,
    after: Option<AuditId>,
    limit: i64,
) -> QueryResult<Vec<AuditRow>> {
    let mut q = t::table.select(AuditRow::as_select()).into_boxed();
    if let Some(s) = &f.subject {
        q = q.filter(t::subject_id.eq(s));
    }
    if let Some(a) = &f.actor {
        q = q.filter(t::actor_id.eq(a));
    }
    if let Some(r) = &f.resource_type {
        q = q.filter(t::resource_type.eq(r));
    }
    if let Some(r) = &f.resource_id {
        q = q.filter(t::resource_id.eq(r));
    }
    if let Some(from) = f.from {
        q = q.filter(t::at.ge(from));
    }
    if let Some(to) = f.to {
        q = q.filter(t::at.lt(to));
    }
    if let Some(after) = after {
        q = q.filter(t::id.gt(after));
    }
    q.order(t::id.asc()).limit(limit).load(conn)
}
