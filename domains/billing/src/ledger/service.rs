//! The ledger's use-cases and the in-transaction operations every source of rights uses
//! (subscriptions, employers, promo codes, admins): set a source's grants, end or revoke
//! them, consume and release units. Every change bumps the member's ledger version (the
//! row lock that serializes one member's changes, and the cache's invalidation), writes a
//! history row and publishes `billing.entitlements_changed`, all in the caller's
//! transaction.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::QueryResult;
use haven_platform::ids::UserId;
use haven_platform::outbox;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, Db, Unexpected};

use super::cache::{EntitlementCache, note_change};
use super::error::{AdminGrantError, AdminRevokeError, ConsumeError, ReleaseError};
use super::model::{
    ConsumptionId, Entitlement, Grant, GrantId, LedgerEntryId, Snapshot, Source, SpanMemo,
    benefit_year, benefit_year_bounds,
};
use super::repo::{self, ConsumptionRow, EntryRow, GrantRow};
use crate::catalog::model::{Feature, QUOTA_MAX};
use crate::error::Problems;
use crate::events::EntitlementsChanged;
use crate::service::BillingService;
use haven_platform::Fault;

/// Longest consumption reference.
pub const REFERENCE_MAX_CHARS: usize = 200;
/// Longest reason of an admin change.
pub const REASON_MAX_CHARS: usize = 500;

/// Who changes the ledger and why (admin changes carry both: the audit trail).
#[derive(Debug, Clone, Default)]
pub struct Audit {
    /// The admin, for changes made by hand.
    pub actor: Option<UserId>,
    /// Why.
    pub reason: Option<String>,
}

impl Audit {
    /// A change made by the system for `reason`.
    pub fn system(reason: &str) -> Self {
        Self {
            actor: None,
            reason: Some(reason.to_owned()),
        }
    }
}

/// A feature a source grants over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrantSpec {
    /// The feature.
    pub feature: Feature,
    /// Units per benefit year (counted features).
    pub quota: Option<i64>,
    /// From (inclusive).
    pub valid_from: NaiveDateTime,
    /// Until (exclusive); `None`: open-ended.
    pub valid_until: Option<NaiveDateTime>,
}

/// What a consumption did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consumed {
    /// The consumption.
    pub id: ConsumptionId,
    /// `false` when the reference had been consumed already (nothing changed).
    pub new: bool,
    /// Units left in the benefit year after it.
    pub remaining: i64,
}

/// A history row of the ledger.
pub type LedgerEntry = EntryRow;

/// The domain grant of a row.
pub(crate) fn grant_from(row: GrantRow) -> Result<Grant, Unexpected> {
    Ok(Grant {
        id: row.id,
        user_id: row.user_id,
        feature: Feature::parse(&row.feature)
            .ok_or_else(|| Unexpected::invariant("billing_grants.feature unknown"))?,
        source: Source::parse(&row.source)
            .ok_or_else(|| Unexpected::invariant("billing_grants.source unknown"))?,
        source_ref: row.source_ref,
        valid_from: row.valid_from,
        valid_until: row.valid_until,
        quota: row.quota,
        revoked_at: row.revoked_at,
        revoke_reason: row.revoke_reason,
        created_at: row.created_at,
    })
}

fn entry(
    user_id: &UserId,
    feature: &str,
    action: &str,
    audit: &Audit,
    now: NaiveDateTime,
) -> EntryRow {
    EntryRow {
        id: LedgerEntryId::new(),
        user_id: *user_id,
        feature: feature.to_owned(),
        action: action.to_owned(),
        grant_id: None,
        source: None,
        source_ref: None,
        reference: None,
        valid_until: None,
        quota: None,
        actor_id: audit.actor,
        reason: audit.reason.clone(),
        at: now,
    }
}

fn grant_entry(row: &GrantRow, action: &str, audit: &Audit, now: NaiveDateTime) -> EntryRow {
    EntryRow {
        grant_id: Some(row.id),
        source: Some(row.source.clone()),
        source_ref: Some(row.source_ref.clone()),
        valid_until: row.valid_until,
        quota: row.quota,
        ..entry(&row.user_id, &row.feature, action, audit, now)
    }
}

/// Members whose versions one watcher statement reads.
pub const WATCH_CHUNK: usize = 500;

/// Bumps the member's ledger version (see [`repo::bump_version`]) and notes the change for
/// this node's cache when the transaction is tracked ([`EntitlementCache::tracking`]).
pub(crate) fn bump_version(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<i64> {
    let version = repo::bump_version(conn, user_id)?;
    note_change(user_id, version);
    Ok(version)
}

/// Writes the history rows and announces the change (nothing when `entries` is empty).
fn record(
    conn: &mut AnyConnection,
    user_id: &UserId,
    version: i64,
    entries: &[EntryRow],
    now: NaiveDateTime,
) -> QueryResult<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut features = BTreeSet::new();
    for e in entries {
        repo::insert_entry(conn, e)?;
        if let Some(f) = Feature::parse(&e.feature) {
            features.insert(f);
        }
    }
    outbox::publish(
        conn,
        &EntitlementsChanged {
            user_id: *user_id,
            features: features.into_iter().map(Feature::as_str).collect(),
            version,
            at: haven_platform::http::timestamp::format_utc(&now.and_utc()),
        },
    )?;
    Ok(())
}

/// Makes the member's grants from `source`/`source_ref` exactly `specs` (one per
/// feature): new features are granted, changed ones updated (a revoked one granted
/// again), features no longer listed revoked. Returns how many grants changed.
pub(crate) fn set_source_grants(
    conn: &mut AnyConnection,
    user_id: &UserId,
    source: Source,
    source_ref: &str,
    specs: &[GrantSpec],
    audit: &Audit,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let version = bump_version(conn, user_id)?;
    let mut entries = Vec::new();
    for spec in specs {
        let feature = spec.feature.as_str();
        match repo::find_grant_by_source(conn, user_id, feature, source.as_str(), source_ref)? {
            None => {
                let row = GrantRow {
                    id: GrantId::new(),
                    user_id: *user_id,
                    feature: feature.to_owned(),
                    source: source.as_str().to_owned(),
                    source_ref: source_ref.to_owned(),
                    valid_from: spec.valid_from,
                    valid_until: spec.valid_until,
                    quota: spec.quota,
                    revoked_at: None,
                    revoke_reason: None,
                    created_at: now,
                    updated_at: now,
                };
                repo::insert_grant(conn, &row)?;
                entries.push(grant_entry(&row, "granted", audit, now));
            }
            Some(row)
                if row.revoked_at.is_some()
                    || row.valid_from != spec.valid_from
                    || row.valid_until != spec.valid_until
                    || row.quota != spec.quota =>
            {
                repo::update_grant(
                    conn,
                    &row.id,
                    spec.valid_from,
                    spec.valid_until,
                    spec.quota,
                    now,
                )?;
                let action = if row.revoked_at.is_some() {
                    "granted"
                } else {
                    "changed"
                };
                let updated = GrantRow {
                    valid_from: spec.valid_from,
                    valid_until: spec.valid_until,
                    quota: spec.quota,
                    ..row
                };
                entries.push(grant_entry(&updated, action, audit, now));
            }
            Some(_) => {}
        }
    }
    let listed: BTreeSet<&str> = specs.iter().map(|s| s.feature.as_str()).collect();
    let reason = audit.reason.as_deref().unwrap_or("no longer granted");
    for row in repo::grants_of_source(conn, user_id, source.as_str(), source_ref)? {
        if !listed.contains(row.feature.as_str())
            && repo::revoke_grant(conn, &row.id, reason, now)? > 0
        {
            entries.push(grant_entry(&row, "revoked", audit, now));
        }
    }
    record(conn, user_id, version, &entries, now)?;
    Ok(entries.len())
}

/// Ends the live grants of `source`/`source_ref` at `until` (those ending later or never);
/// how many changed.
pub(crate) fn end_source_grants(
    conn: &mut AnyConnection,
    user_id: &UserId,
    source: Source,
    source_ref: &str,
    until: NaiveDateTime,
    audit: &Audit,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let version = bump_version(conn, user_id)?;
    let mut entries = Vec::new();
    for row in repo::grants_of_source(conn, user_id, source.as_str(), source_ref)? {
        if row.valid_until.is_some_and(|u| u <= until) {
            continue;
        }
        let from = row.valid_from.min(until);
        repo::update_grant(conn, &row.id, from, Some(until), row.quota, now)?;
        let updated = GrantRow {
            valid_from: from,
            valid_until: Some(until),
            ..row
        };
        entries.push(grant_entry(&updated, "changed", audit, now));
    }
    record(conn, user_id, version, &entries, now)?;
    Ok(entries.len())
}

/// Revokes the live grants of `source`/`source_ref` (access ends now: a refund, a
/// revocation); how many.
pub(crate) fn revoke_source_grants(
    conn: &mut AnyConnection,
    user_id: &UserId,
    source: Source,
    source_ref: &str,
    audit: &Audit,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let version = bump_version(conn, user_id)?;
    let reason = audit.reason.as_deref().unwrap_or("revoked");
    let mut entries = Vec::new();
    for row in repo::grants_of_source(conn, user_id, source.as_str(), source_ref)? {
        if repo::revoke_grant(conn, &row.id, reason, now)? > 0 {
            entries.push(grant_entry(&row, "revoked", audit, now));
        }
    }
    record(conn, user_id, version, &entries, now)?;
    Ok(entries.len())
}

/// The entitlement to `feature` at `at`, read with one statement on `conn`.
pub(crate) fn entitlement_on(
    conn: &mut AnyConnection,
    user_id: &UserId,
    feature: Feature,
    at: NaiveDateTime,
) -> QueryResult<Entitlement> {
    let year = benefit_year(at);
    let rows = repo::entitlement_rows(conn, user_id, feature.as_str(), at, year)?;
    let allowed = !rows.is_empty();
    if !feature.counted() {
        return Ok(Entitlement {
            feature,
            allowed,
            quota: None,
            used: None,
            remaining: None,
            benefit_year: None,
        });
    }
    let used = rows.first().and_then(|r| r.1).unwrap_or(0);
    let quota: i64 = rows.iter().filter_map(|r| r.0).sum();
    Ok(Entitlement {
        feature,
        allowed,
        quota: allowed.then_some(quota),
        used: Some(used),
        remaining: allowed.then_some((quota - used).max(0)),
        benefit_year: Some(benefit_year_bounds(year)),
    })
}

fn load_snapshot(conn: &mut AnyConnection, user_id: &UserId) -> Result<Snapshot, Fault> {
    // The version first: the rows read after it are at least that new, so a snapshot is
    // never newer in its version than in its data.
    let version = repo::version(conn, user_id)?;
    let grants = repo::live_grants(conn, user_id)?
        .into_iter()
        .map(grant_from)
        .collect::<Result<Vec<_>, _>>()?;
    let mut used = HashMap::new();
    for (feature, year, n) in repo::used_by_year(conn, user_id)? {
        if let Some(f) = Feature::parse(&feature) {
            used.insert((f, year), n);
        }
    }
    Ok(Snapshot {
        version,
        grants,
        used,
        rendered: SpanMemo::default(),
    })
}

fn check_reference(reference: &str) -> Result<(), haven_platform::Invalid> {
    let mut p = Problems::default();
    if reference.trim().is_empty() || reference.chars().count() > REFERENCE_MAX_CHARS {
        p.add(
            "reference",
            "invalid",
            format!("A reference is 1 to {REFERENCE_MAX_CHARS} characters, not blank."),
        );
    }
    p.finish()
}

impl BillingService {
    /// May `user_id` use `feature` at `at`, and how many units are left in that benefit
    /// year. Answered from this node's cache while it is known current (another node's
    /// change is seen within `billing.entitlement_staleness_ms`, this node's at once),
    /// else from the database. Decisions that must be exact use
    /// [`BillingService::check_uncached`] or [`BillingService::consume`].
    pub async fn check(
        &self,
        user_id: &UserId,
        feature: Feature,
        at: DateTime<Utc>,
    ) -> Result<Entitlement, Fault> {
        let snapshot = self.snapshot(user_id).await?;
        Ok(snapshot.entitlement(feature, at.naive_utc()))
    }

    /// [`BillingService::check`] without the cache: one statement on the primary.
    pub async fn check_uncached(
        &self,
        user_id: &UserId,
        feature: Feature,
        at: DateTime<Utc>,
    ) -> Result<Entitlement, Fault> {
        let (user_id, at) = (*user_id, at.naive_utc());
        self.db
            .read_primary(move |conn| Ok(entitlement_on(conn, &user_id, feature, at)?))
            .await
    }

    /// The member's ledger as of now: from this node's cache while it is known current
    /// (no query; see [`EntitlementCache`]), else read on the primary.
    pub async fn snapshot(&self, user_id: &UserId) -> Result<Arc<Snapshot>, Fault> {
        let checked = self.cache.now();
        if let Some(s) = self.cache.fresh(user_id, checked) {
            return Ok(s);
        }
        let user = *user_id;
        let cache = self.cache.clone();
        // On the primary: a change this node just made must be seen.
        self.db
            .read_primary(move |conn| {
                let version = repo::version(conn, &user)?;
                if let Some(s) = cache.current(&user, version, checked) {
                    return Ok(s);
                }
                let s = Arc::new(load_snapshot(conn, &user)?);
                cache.put(user, Arc::clone(&s), checked);
                Ok(s)
            })
            .await
    }

    /// One pass of this node's watcher: reads the ledger versions of the cached members
    /// checked since the last pass (one statement per [`WATCH_CHUNK`] members), so their
    /// entries stay served, or stop being served when another node changed them.
    pub async fn watch_entitlements(cache: &EntitlementCache, db: &Db) -> Result<(), Fault> {
        let due = cache.due(cache.now());
        for chunk in due.chunks(WATCH_CHUNK) {
            let ids: Vec<UserId> = chunk.iter().map(|(id, _)| *id).collect();
            let checked = cache.now();
            let found: HashMap<UserId, i64> = db
                .run(move |conn| Ok::<_, Fault>(repo::versions(conn, &ids)?))
                .await?
                .into_iter()
                .collect();
            // A member without a row has never had a change: version 0.
            let versions: Vec<(UserId, i64)> = chunk
                .iter()
                .map(|(id, _)| (*id, found.get(id).copied().unwrap_or(0)))
                .collect();
            cache.confirm(&versions, checked);
        }
        Ok(())
    }

    /// Every feature's entitlement at `at` and the grants behind them (live, not ended
    /// before `at`), oldest first.
    pub async fn entitlements(
        &self,
        user_id: &UserId,
        at: DateTime<Utc>,
    ) -> Result<(Vec<Entitlement>, Vec<Grant>), Fault> {
        Ok(self.snapshot(user_id).await?.at(at.naive_utc()))
    }

    /// Consumes one unit of a counted `feature` for `reference` (e.g. a booking id) in
    /// the benefit year of `at`. Consuming a reference again is the same consumption
    /// (`new: false`); concurrent consumers never take the count below zero (the
    /// member's version row is locked first).
    #[tracing::instrument(skip_all, fields(user_id = %user_id, feature = feature.as_str()))]
    pub async fn consume(
        &self,
        user_id: &UserId,
        feature: Feature,
        reference: &str,
        at: DateTime<Utc>,
    ) -> Result<Consumed, ConsumeError> {
        if !feature.counted() {
            return Err(ConsumeError::NotCounted);
        }
        check_reference(reference)?;
        let (user, reference, at, now) =
            (*user_id, reference.to_owned(), at.naive_utc(), now_utc());
        let consumed = self
            .write(move |conn| {
                let version = bump_version(conn, &user)?;
                let existing = repo::find_consumption(conn, &user, feature.as_str(), &reference)?;
                if let Some(row) = &existing
                    && row.released_at.is_none()
                {
                    let ent = entitlement_on(conn, &user, feature, at)?;
                    return Ok(Consumed {
                        id: row.id,
                        new: false,
                        remaining: ent.remaining.unwrap_or(0),
                    });
                }
                let ent = entitlement_on(conn, &user, feature, at)?;
                if !ent.allowed {
                    return Err(ConsumeError::NotEntitled);
                }
                let remaining = ent.remaining.unwrap_or(0);
                if remaining <= 0 {
                    return Err(ConsumeError::QuotaExhausted);
                }
                let year = benefit_year(at);
                let id = match existing {
                    Some(row) => {
                        repo::reconsume(conn, &row.id, year, now)?;
                        row.id
                    }
                    None => {
                        let row = ConsumptionRow {
                            id: ConsumptionId::new(),
                            user_id: user,
                            feature: feature.as_str().to_owned(),
                            reference: reference.clone(),
                            benefit_year: year,
                            consumed_at: now,
                            released_at: None,
                        };
                        repo::insert_consumption(conn, &row)?;
                        row.id
                    }
                };
                let e = EntryRow {
                    reference: Some(reference),
                    ..entry(&user, feature.as_str(), "consumed", &Audit::default(), now)
                };
                record(conn, &user, version, &[e], now)?;
                Ok(Consumed {
                    id,
                    new: true,
                    remaining: remaining - 1,
                })
            })
            .await?;
        metrics::counter!("haven_billing_units_consumed_total", "feature" => feature.as_str(), "new" => if consumed.new { "true" } else { "false" }).increment(1);
        Ok(consumed)
    }

    /// Releases the unit consumed for `reference` (a timely cancellation), so it counts
    /// no more. Idempotent: `false` when there was nothing to release.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, feature = feature.as_str()))]
    pub async fn release(
        &self,
        user_id: &UserId,
        feature: Feature,
        reference: &str,
    ) -> Result<bool, ReleaseError> {
        if !feature.counted() {
            return Err(ReleaseError::NotCounted);
        }
        let (user, reference, now) = (*user_id, reference.to_owned(), now_utc());
        self.write(move |conn| {
            let Some(row) = repo::find_consumption(conn, &user, feature.as_str(), &reference)?
            else {
                return Ok(false);
            };
            if row.released_at.is_some() {
                return Ok(false);
            }
            let version = bump_version(conn, &user)?;
            if repo::release(conn, &row.id, now)? == 0 {
                return Ok(false);
            }
            let e = EntryRow {
                reference: Some(reference),
                ..entry(&user, feature.as_str(), "released", &Audit::default(), now)
            };
            record(conn, &user, version, &[e], now)?;
            Ok(true)
        })
        .await
    }

    /// An admin grants `feature` to a member by hand, from now until `valid_until`
    /// (open-ended if `None`), audited with their id and `reason`.
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id, user_id = %user_id))]
    pub async fn admin_grant(
        &self,
        admin_id: &UserId,
        user_id: &UserId,
        feature: Feature,
        quota: Option<i64>,
        valid_until: Option<DateTime<Utc>>,
        reason: &str,
    ) -> Result<Grant, AdminGrantError> {
        let now = now_utc();
        let mut p = Problems::default();
        match (feature.counted(), quota) {
            (true, Some(q)) if !(1..=QUOTA_MAX).contains(&q) => {
                p.add("quota", "out_of_range", format!("1 to {QUOTA_MAX} units."));
            }
            (true, None) => p.add(
                "quota",
                "quota_required",
                "A counted feature needs a quota.",
            ),
            (false, Some(_)) => p.add("quota", "quota_not_allowed", "Only sessions are counted."),
            _ => {}
        }
        if valid_until.is_some_and(|u| u.naive_utc() <= now) {
            p.add(
                "valid_until",
                "in_the_past",
                "The grant must end in the future.",
            );
        }
        check_reason(reason, &mut p);
        p.finish()?;
        let id_ref = GrantId::new().to_string();
        let audit = Audit {
            actor: Some(*admin_id),
            reason: Some(reason.trim().to_owned()),
        };
        let spec = GrantSpec {
            feature,
            quota,
            valid_from: now,
            valid_until: valid_until.map(|u| u.naive_utc()),
        };
        let user = *user_id;
        let grant = self
            .write(move |conn| {
                set_source_grants(conn, &user, Source::Admin, &id_ref, &[spec], &audit, now)?;
                let row = repo::find_grant_by_source(
                    conn,
                    &user,
                    feature.as_str(),
                    Source::Admin.as_str(),
                    &id_ref,
                )?
                .ok_or_else(|| Unexpected::invariant("the grant just made is missing"))?;
                Ok::<_, AdminGrantError>(grant_from(row)?)
            })
            .await?;
        tracing::info!(grant_id = %grant.id, "grant made by an admin");
        Ok(grant)
    }

    /// An admin revokes a grant (any source), audited with their id and `reason`.
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id, grant_id = %grant_id))]
    pub async fn admin_revoke(
        &self,
        admin_id: &UserId,
        grant_id: &GrantId,
        reason: &str,
    ) -> Result<Grant, AdminRevokeError> {
        let mut p = Problems::default();
        check_reason(reason, &mut p);
        p.finish()?;
        let audit = Audit {
            actor: Some(*admin_id),
            reason: Some(reason.trim().to_owned()),
        };
        let (id, now) = (*grant_id, now_utc());
        self.write(move |conn| {
            let row = repo::find_grant(conn, &id)?.ok_or(AdminRevokeError::NotFound)?;
            let version = bump_version(conn, &row.user_id)?;
            let reason = audit.reason.as_deref().unwrap_or("revoked");
            if repo::revoke_grant(conn, &id, reason, now)? == 0 {
                return Err(AdminRevokeError::AlreadyRevoked);
            }
            record(
                conn,
                &row.user_id,
                version,
                &[grant_entry(&row, "revoked", &audit, now)],
                now,
            )?;
            let row = repo::find_grant(conn, &id)?.ok_or(AdminRevokeError::NotFound)?;
            Ok(grant_from(row)?)
        })
        .await
    }

    /// The member's ledger history, oldest first, after `after`.
    pub async fn ledger_entries(
        &self,
        user_id: &UserId,
        after: Option<LedgerEntryId>,
        fetch: i64,
    ) -> Result<Vec<LedgerEntry>, Fault> {
        let user = *user_id;
        self.db
            .read(move |conn| Ok(repo::entries(conn, &user, after, fetch)?))
            .await
    }
}

fn check_reason(reason: &str, p: &mut Problems) {
    if reason.trim().is_empty() || reason.chars().count() > REASON_MAX_CHARS {
        p.add(
            "reason",
            "invalid",
            format!("A reason is 1 to {REASON_MAX_CHARS} characters, not blank."),
        );
    }
}
