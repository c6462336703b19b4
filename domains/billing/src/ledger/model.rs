//! The ledger's domain types and the one rule that answers "may M use F at t, and how
//! many units are left": [`Snapshot::entitlement`].

use std::collections::HashMap;
use std::sync::Arc;

use arc_swap::ArcSwapOption;
use bytes::Bytes;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use haven_platform::define_id;
use haven_platform::ids::UserId;

use crate::catalog::model::Feature;

define_id!(
    /// A grant (`grt_…`): one right of a member.
    GrantId,
    "grt"
);
define_id!(
    /// A consumed unit (`csm_…`).
    ConsumptionId,
    "csm"
);
define_id!(
    /// A row of the ledger's history (`led_…`).
    LedgerEntryId,
    "led"
);

/// Where a grant comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// A Stripe subscription.
    Stripe,
    /// An App Store subscription.
    AppStore,
    /// A Google Play subscription.
    Play,
    /// An employer's sponsorship.
    Employer,
    /// A redeemed promo code.
    Promo,
    /// An admin, by hand.
    Admin,
}

impl Source {
    /// Every source.
    pub const ALL: [Self; 6] = [
        Self::Stripe,
        Self::AppStore,
        Self::Play,
        Self::Employer,
        Self::Promo,
        Self::Admin,
    ];

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Stripe => "stripe",
            Self::AppStore => "app_store",
            Self::Play => "play",
            Self::Employer => "employer",
            Self::Promo => "promo",
            Self::Admin => "admin",
        }
    }

    /// The source of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A grant as the ledger keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// `grt_…`.
    pub id: GrantId,
    /// Whose right it is.
    pub user_id: UserId,
    /// The feature.
    pub feature: Feature,
    /// Where it comes from.
    pub source: Source,
    /// The reference at the source.
    pub source_ref: String,
    /// Valid from (inclusive).
    pub valid_from: NaiveDateTime,
    /// Valid until (exclusive); `None`: open-ended.
    pub valid_until: Option<NaiveDateTime>,
    /// Units per benefit year of a counted feature.
    pub quota: Option<i64>,
    /// When it was revoked.
    pub revoked_at: Option<NaiveDateTime>,
    /// Why.
    pub revoke_reason: Option<String>,
    /// Created.
    pub created_at: NaiveDateTime,
}

impl Grant {
    /// Whether the grant gives its feature at `at`.
    pub fn active_at(&self, at: NaiveDateTime) -> bool {
        self.revoked_at.is_none()
            && self.valid_from <= at
            && self.valid_until.is_none_or(|until| at < until)
    }
}

/// The answer for one feature at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entitlement {
    /// The feature.
    pub feature: Feature,
    /// Whether the member may use it.
    pub allowed: bool,
    /// Units granted in the benefit year (counted features with access).
    pub quota: Option<i64>,
    /// Units used in the benefit year (counted features).
    pub used: Option<i64>,
    /// Units left, never below zero (counted features with access).
    pub remaining: Option<i64>,
    /// The benefit year's bounds `[start, end)` (counted features).
    pub benefit_year: Option<(NaiveDateTime, NaiveDateTime)>,
}

impl Entitlement {
    /// Whether one more unit may be consumed.
    pub fn has_units(&self) -> bool {
        self.allowed && self.remaining.is_some_and(|r| r > 0)
    }
}

/// The benefit year containing `at`: the calendar year in UTC.
pub fn benefit_year(at: NaiveDateTime) -> i32 {
    at.year()
}

/// The bounds `[start, end)` of a benefit year.
pub fn benefit_year_bounds(year: i32) -> (NaiveDateTime, NaiveDateTime) {
    let start = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or(NaiveDateTime::MAX)
    };
    (start(year), start(year.saturating_add(1)))
}

/// One member's ledger as a node caches it: the grants and the units used per feature and
/// benefit year, as of `version`.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// The member's ledger version this snapshot was read at (or after).
    pub version: i64,
    /// Every grant not revoked.
    pub grants: Vec<Grant>,
    /// Units used (not released), by feature and benefit year.
    pub used: HashMap<(Feature, i32), i64>,
    /// The member's answer as the API renders it, for the steady span it was made in.
    pub rendered: SpanMemo,
}

impl Snapshot {
    /// May the member use `feature` at `at`, and how many units are left in that
    /// benefit year: the grants active at `at` add up their quotas; released units do not
    /// count.
    pub fn entitlement(&self, feature: Feature, at: NaiveDateTime) -> Entitlement {
        let active: Vec<&Grant> = self
            .grants
            .iter()
            .filter(|g| g.feature == feature && g.active_at(at))
            .collect();
        let allowed = !active.is_empty();
        if !feature.counted() {
            return Entitlement {
                feature,
                allowed,
                quota: None,
                used: None,
                remaining: None,
                benefit_year: None,
            };
        }
        let year = benefit_year(at);
        let used = self.used.get(&(feature, year)).copied().unwrap_or(0);
        let quota: i64 = active.iter().filter_map(|g| g.quota).sum();
        Entitlement {
            feature,
            allowed,
            quota: allowed.then_some(quota),
            used: Some(used),
            remaining: allowed.then_some((quota - used).max(0)),
            benefit_year: Some(benefit_year_bounds(year)),
        }
    }

    /// Every feature's entitlement at `at`, and the grants in force or to come then.
    pub fn at(&self, at: NaiveDateTime) -> (Vec<Entitlement>, Vec<Grant>) {
        let entitlements = Feature::ALL
            .into_iter()
            .map(|f| self.entitlement(f, at))
            .collect();
        let grants = self
            .grants
            .iter()
            .filter(|g| g.valid_until.is_none_or(|u| u > at))
            .cloned()
            .collect();
        (entitlements, grants)
    }

    /// The span `[from, until)` around `at` in which no grant starts or ends and the
    /// benefit year stays the same: [`Snapshot::at`] answers alike for every instant in it.
    pub fn steady_span(&self, at: NaiveDateTime) -> (NaiveDateTime, NaiveDateTime) {
        let (mut from, mut until) = benefit_year_bounds(benefit_year(at));
        let edges = self
            .grants
            .iter()
            .flat_map(|g| std::iter::once(g.valid_from).chain(g.valid_until));
        for edge in edges {
            if edge <= at {
                from = from.max(edge);
            } else {
                until = until.min(edge);
            }
        }
        (from, until)
    }
}

/// Bytes made from a snapshot for one steady span: made by the first request in the
/// span, reused by the others (a member's client polls its entitlements; issue 12 wants
/// that read near the framework's speed). A clone starts empty.
#[derive(Default)]
pub struct SpanMemo(ArcSwapOption<(NaiveDateTime, NaiveDateTime, Bytes)>);

impl SpanMemo {
    /// The bytes for the span holding `at`, made by `make` (which also names the span)
    /// when the memo holds another span or none.
    pub fn get_or_make(
        &self,
        at: NaiveDateTime,
        make: impl FnOnce() -> ((NaiveDateTime, NaiveDateTime), Bytes),
    ) -> Bytes {
        if let Some(held) = &*self.0.load()
            && held.0 <= at
            && at < held.1
        {
            return held.2.clone();
        }
        let ((from, until), bytes) = make();
        self.0.store(Some(Arc::new((from, until, bytes.clone()))));
        bytes
    }
}

impl Clone for SpanMemo {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl std::fmt::Debug for SpanMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SpanMemo")
    }
}

pub use haven_platform::time::utc;

#[cfg(test)]
mod tests {
    use super::*;

    fn t(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    fn grant(
        feature: Feature,
        from: NaiveDateTime,
        until: Option<NaiveDateTime>,
        quota: Option<i64>,
    ) -> Grant {
        Grant {
            id: GrantId::new(),
            user_id: UserId::new(),
            feature,
            source: Source::Admin,
            source_ref: "x".to_owned(),
            valid_from: from,
            valid_until: until,
            quota,
            revoked_at: None,
            revoke_reason: None,
            created_at: from,
        }
    }

    #[test]
    fn a_grant_is_valid_from_inclusive_until_exclusive_unless_revoked() {
        let g = grant(
            Feature::ContentPremium,
            t(2026, 1, 1),
            Some(t(2026, 2, 1)),
            None,
        );
        assert!(!g.active_at(t(2025, 12, 31)));
        assert!(g.active_at(t(2026, 1, 1)));
        assert!(!g.active_at(t(2026, 2, 1)));
        let revoked = Grant {
            revoked_at: Some(t(2026, 1, 2)),
            ..g
        };
        assert!(!revoked.active_at(t(2026, 1, 15)));
    }

    #[test]
    fn quotas_of_active_grants_add_up_and_units_used_count_per_year() {
        let mut snap = Snapshot::default();
        snap.grants
            .push(grant(Feature::CareTherapy, t(2026, 1, 1), None, Some(6)));
        snap.grants.push(grant(
            Feature::CareTherapy,
            t(2026, 1, 1),
            Some(t(2026, 3, 1)),
            Some(2),
        ));
        snap.used.insert((Feature::CareTherapy, 2026), 7);
        let feb = snap.entitlement(Feature::CareTherapy, t(2026, 2, 1));
        assert_eq!(
            (feb.allowed, feb.quota, feb.remaining),
            (true, Some(8), Some(1))
        );
        let apr = snap.entitlement(Feature::CareTherapy, t(2026, 4, 1));
        assert_eq!(
            (apr.quota, apr.used, apr.remaining),
            (Some(6), Some(7), Some(0))
        );
        assert!(!apr.has_units());
        let next = snap.entitlement(Feature::CareTherapy, t(2027, 4, 1));
        assert_eq!(next.remaining, Some(6));
        let none = snap.entitlement(Feature::CarePsychiatry, t(2026, 4, 1));
        assert!(!none.allowed && none.remaining.is_none());
        let flag = snap.entitlement(Feature::ContentPremium, t(2026, 4, 1));
        assert!(!flag.allowed && flag.quota.is_none());
    }

    #[test]
    fn benefit_years_are_calendar_years_in_utc() {
        assert_eq!(benefit_year(t(2026, 12, 31)), 2026);
        let (start, end) = benefit_year_bounds(2026);
        assert_eq!((start.year(), end.year()), (2026, 2027));
        assert_eq!(
            start,
            NaiveDate::from_ymd_opt(2026, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
        );
    }
}
