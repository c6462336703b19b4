//! Queries of the ledger tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::upsert::excluded;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, each_backend};

use super::model::{ConsumptionId, GrantId, LedgerEntryId};
use crate::schema::{
    billing_consumptions, billing_entitlement_versions, billing_grants, billing_ledger_entries,
};

/// A row of `billing_grants`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_grants)]
pub struct GrantRow {
    /// `grt_…`.
    pub id: GrantId,
    /// The member.
    pub user_id: UserId,
    /// Feature name.
    pub feature: String,
    /// Source name.
    pub source: String,
    /// Reference at the source.
    pub source_ref: String,
    /// From (inclusive).
    pub valid_from: NaiveDateTime,
    /// Until (exclusive).
    pub valid_until: Option<NaiveDateTime>,
    /// Units per benefit year.
    pub quota: Option<i64>,
    /// Revoked.
    pub revoked_at: Option<NaiveDateTime>,
    /// Why.
    pub revoke_reason: Option<String>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

/// A row of `billing_consumptions`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_consumptions)]
pub struct ConsumptionRow {
    /// `csm_…`.
    pub id: ConsumptionId,
    /// The member.
    pub user_id: UserId,
    /// Feature name.
    pub feature: String,
    /// The consumer's reference (e.g. a booking id).
    pub reference: String,
    /// The calendar year it counts against.
    pub benefit_year: i32,
    /// When.
    pub consumed_at: NaiveDateTime,
    /// Released, if it was.
    pub released_at: Option<NaiveDateTime>,
}

/// A row of `billing_ledger_entries`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_ledger_entries)]
pub struct EntryRow {
    /// `led_…`.
    pub id: LedgerEntryId,
    /// The member.
    pub user_id: UserId,
    /// Feature name.
    pub feature: String,
    /// `granted`, `changed`, `revoked`, `consumed` or `released`.
    pub action: String,
    /// The grant concerned.
    pub grant_id: Option<GrantId>,
    /// Its source.
    pub source: Option<String>,
    /// Its reference at the source.
    pub source_ref: Option<String>,
    /// The consumption's reference.
    pub reference: Option<String>,
    /// The grant's end after the change.
    pub valid_until: Option<NaiveDateTime>,
    /// The grant's quota after the change.
    pub quota: Option<i64>,
    /// Who did it (admin changes).
    pub actor_id: Option<UserId>,
    /// Why.
    pub reason: Option<String>,
    /// When.
    pub at: NaiveDateTime,
}

/// Bumps the member's ledger version (creating it at 1) and returns the new version. On
/// PostgreSQL the upsert locks the row until the transaction ends, so one member's ledger
/// changes run one after another; SQLite's write transaction already serializes them.
pub fn bump_version(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<i64> {
    use billing_entitlement_versions as v;
    each_backend!(conn, |c| diesel::insert_into(v::table)
        .values((v::user_id.eq(user_id), v::version.eq(1_i64)))
        .on_conflict(v::user_id)
        .do_update()
        .set(v::version.eq(v::version + excluded(v::version)))
        .execute(c))?;
    version(conn, user_id)
}

/// The member's ledger version (0 before any change).
pub fn version(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<i64> {
    use billing_entitlement_versions as v;
    Ok(v::table
        .find(user_id)
        .select(v::version)
        .first::<i64>(conn)
        .optional()?
        .unwrap_or(0))
}

/// The ledger versions of those of `user_ids` that have one (one statement).
pub fn versions(conn: &mut AnyConnection, user_ids: &[UserId]) -> QueryResult<Vec<(UserId, i64)>> {
    use billing_entitlement_versions as v;
    v::table
        .filter(v::user_id.eq_any(user_ids))
        .select((v::user_id, v::version))
        .load(conn)
}

/// The member's grants that are not revoked.
pub fn live_grants(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<Vec<GrantRow>> {
    billing_grants::table
        .filter(billing_grants::user_id.eq(user_id))
        .filter(billing_grants::revoked_at.is_null())
        .select(GrantRow::as_select())
        .order(billing_grants::id.asc())
        .load(conn)
}

/// Units used (not released) per feature in `year`.
pub fn used_in_year(
    conn: &mut AnyConnection,
    user_id: &UserId,
    year: i32,
) -> QueryResult<Vec<(String, i64)>> {
    use billing_consumptions as c;
    c::table
        .filter(c::user_id.eq(user_id))
        .filter(c::benefit_year.eq(year))
        .filter(c::released_at.is_null())
        .group_by(c::feature)
        .select((c::feature, diesel::dsl::count_star()))
        .load(conn)
}

/// Units used (not released) per feature and benefit year.
pub fn used_by_year(
    conn: &mut AnyConnection,
    user_id: &UserId,
) -> QueryResult<Vec<(String, i32, i64)>> {
    use billing_consumptions as c;
    c::table
        .filter(c::user_id.eq(user_id))
        .filter(c::released_at.is_null())
        .group_by((c::feature, c::benefit_year))
        .select((c::feature, c::benefit_year, diesel::dsl::count_star()))
        .load(conn)
}

/// "May M use F at t, and how many units are used in t's benefit year": one statement,
/// the quota of each grant of `feature` active at `at` with the units used in `year`
/// beside it (no rows: no access).
pub fn entitlement_rows(
    conn: &mut AnyConnection,
    user_id: &UserId,
    feature: &str,
    at: NaiveDateTime,
    year: i32,
) -> QueryResult<Vec<(Option<i64>, Option<i64>)>> {
    use billing_consumptions as c;
    use billing_grants as g;
    let used = c::table
        .filter(c::user_id.eq(user_id))
        .filter(c::feature.eq(feature))
        .filter(c::benefit_year.eq(year))
        .filter(c::released_at.is_null())
        .count()
        .single_value();
    g::table
        .filter(g::user_id.eq(user_id))
        .filter(g::feature.eq(feature))
        .filter(g::revoked_at.is_null())
        .filter(g::valid_from.le(at))
        .filter(g::valid_until.is_null().or(g::valid_until.gt(at)))
        .select((g::quota, used))
        .load(conn)
}

/// The grant of `(user, feature, source, source_ref)`, revoked or not.
pub fn find_grant_by_source(
    conn: &mut AnyConnection,
    user_id: &UserId,
    feature: &str,
    source: &str,
    source_ref: &str,
) -> QueryResult<Option<GrantRow>> {
    billing_grants::table
        .filter(billing_grants::user_id.eq(user_id))
        .filter(billing_grants::feature.eq(feature))
        .filter(billing_grants::source.eq(source))
        .filter(billing_grants::source_ref.eq(source_ref))
        .select(GrantRow::as_select())
        .first(conn)
        .optional()
}

/// The live grants of one source reference of a member.
pub fn grants_of_source(
    conn: &mut AnyConnection,
    user_id: &UserId,
    source: &str,
    source_ref: &str,
) -> QueryResult<Vec<GrantRow>> {
    billing_grants::table
        .filter(billing_grants::user_id.eq(user_id))
        .filter(billing_grants::source.eq(source))
        .filter(billing_grants::source_ref.eq(source_ref))
        .filter(billing_grants::revoked_at.is_null())
        .select(GrantRow::as_select())
        .load(conn)
}

/// The grant with the id.
pub fn find_grant(conn: &mut AnyConnection, id: &GrantId) -> QueryResult<Option<GrantRow>> {
    billing_grants::table
        .find(id)
        .select(GrantRow::as_select())
        .first(conn)
        .optional()
}

/// Inserts a grant.
pub fn insert_grant(conn: &mut AnyConnection, row: &GrantRow) -> QueryResult<()> {
    diesel::insert_into(billing_grants::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// Sets a grant's validity and quota, and clears a revocation.
pub fn update_grant(
    conn: &mut AnyConnection,
    id: &GrantId,
    valid_from: NaiveDateTime,
    valid_until: Option<NaiveDateTime>,
    quota: Option<i64>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(billing_grants::table.find(id))
        .set((
            billing_grants::valid_from.eq(valid_from),
            billing_grants::valid_until.eq(valid_until),
            billing_grants::quota.eq(quota),
            billing_grants::revoked_at.eq(None::<NaiveDateTime>),
            billing_grants::revoke_reason.eq(None::<String>),
            billing_grants::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Revokes a live grant; 0 if it was revoked already.
pub fn revoke_grant(
    conn: &mut AnyConnection,
    id: &GrantId,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        billing_grants::table
            .find(id)
            .filter(billing_grants::revoked_at.is_null()),
    )
    .set((
        billing_grants::revoked_at.eq(Some(now)),
        billing_grants::revoke_reason.eq(Some(reason)),
        billing_grants::updated_at.eq(now),
    ))
    .execute(conn)
}

/// The consumption of `(user, feature, reference)`.
pub fn find_consumption(
    conn: &mut AnyConnection,
    user_id: &UserId,
    feature: &str,
    reference: &str,
) -> QueryResult<Option<ConsumptionRow>> {
    billing_consumptions::table
        .filter(billing_consumptions::user_id.eq(user_id))
        .filter(billing_consumptions::feature.eq(feature))
        .filter(billing_consumptions::reference.eq(reference))
        .select(ConsumptionRow::as_select())
        .first(conn)
        .optional()
}

/// Inserts a consumption.
pub fn insert_consumption(conn: &mut AnyConnection, row: &ConsumptionRow) -> QueryResult<()> {
    diesel::insert_into(billing_consumptions::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// Counts a released consumption again, in `year`.
pub fn reconsume(
    conn: &mut AnyConnection,
    id: &ConsumptionId,
    year: i32,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(billing_consumptions::table.find(id))
        .set((
            billing_consumptions::released_at.eq(None::<NaiveDateTime>),
            billing_consumptions::benefit_year.eq(year),
            billing_consumptions::consumed_at.eq(now),
        ))
        .execute(conn)
}

/// Releases a consumption that still counts; 0 if it was released already.
pub fn release(
    conn: &mut AnyConnection,
    id: &ConsumptionId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        billing_consumptions::table
            .find(id)
            .filter(billing_consumptions::released_at.is_null()),
    )
    .set(billing_consumptions::released_at.eq(Some(now)))
    .execute(conn)
}

/// Appends a history row.
pub fn insert_entry(conn: &mut AnyConnection, row: &EntryRow) -> QueryResult<()> {
    diesel::insert_into(billing_ledger_entries::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The member's history, oldest first, after `after`.
pub fn entries(
    conn: &mut AnyConnection,
    user_id: &UserId,
    after: Option<LedgerEntryId>,
    limit: i64,
) -> QueryResult<Vec<EntryRow>> {
    let mut query = billing_ledger_entries::table
        .filter(billing_ledger_entries::user_id.eq(user_id))
        .select(EntryRow::as_select())
        .order(billing_ledger_entries::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(billing_ledger_entries::id.gt(after));
    }
    query.load(conn)
}

/// Every grant of the member (revoked ones too), for the export.
pub fn all_grants(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<Vec<GrantRow>> {
    billing_grants::table
        .filter(billing_grants::user_id.eq(user_id))
        .select(GrantRow::as_select())
        .order(billing_grants::id.asc())
        .load(conn)
}

/// Every consumption of the member, for the export.
pub fn all_consumptions(
    conn: &mut AnyConnection,
    user_id: &UserId,
) -> QueryResult<Vec<ConsumptionRow>> {
    billing_consumptions::table
        .filter(billing_consumptions::user_id.eq(user_id))
        .select(ConsumptionRow::as_select())
        .order(billing_consumptions::id.asc())
        .load(conn)
}

/// Deletes everything the ledger keeps about the member; rows deleted. The version row
/// stays (a bare counter) so that no node's cached snapshot can match a later version.
pub fn delete_member(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<usize> {
    let mut n = diesel::delete(
        billing_ledger_entries::table.filter(billing_ledger_entries::user_id.eq(user_id)),
    )
    .execute(conn)?;
    n += diesel::delete(
        billing_consumptions::table.filter(billing_consumptions::user_id.eq(user_id)),
    )
    .execute(conn)?;
    n += diesel::delete(billing_grants::table.filter(billing_grants::user_id.eq(user_id)))
        .execute(conn)?;
    Ok(n)
}
