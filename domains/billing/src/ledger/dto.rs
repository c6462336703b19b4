//! Wire types of the ledger: entitlements, grants and the history.

use haven_platform::http::text::{NON_BLANK_PATTERN, Text, TextRule};
use haven_platform::http::timestamp::Timestamp;
use haven_platform::ids::UserId;
use poem_openapi::{Enum, Object};

use super::model::{Entitlement, Grant, GrantId, LedgerEntryId, Source};
use super::repo::EntryRow;
use super::service::REASON_MAX_CHARS;
use crate::catalog::dto::FeatureDto;
use crate::catalog::model::Feature;

/// The reason of an admin change: not blank.
pub struct Reason;
impl TextRule for Reason {
    const MAX_LENGTH: Option<usize> = Some(REASON_MAX_CHARS);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// Where a grant comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "BillingGrantSource", rename_all = "snake_case")]
pub enum SourceDto {
    /// A Stripe subscription.
    Stripe,
    /// An App Store subscription.
    AppStore,
    /// A Google Play subscription.
    Play,
    /// The member's employer.
    Employer,
    /// A redeemed promo code.
    Promo,
    /// Granted by an admin.
    Admin,
}

impl From<Source> for SourceDto {
    fn from(s: Source) -> Self {
        match s {
            Source::Stripe => Self::Stripe,
            Source::AppStore => Self::AppStore,
            Source::Play => Self::Play,
            Source::Employer => Self::Employer,
            Source::Promo => Self::Promo,
            Source::Admin => Self::Admin,
        }
    }
}

/// Whether the member may use a feature now, and for sessions how many are left.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingEntitlement")]
pub struct EntitlementDto {
    /// The feature.
    pub feature: FeatureDto,
    /// Whether the member may use it now.
    pub allowed: bool,
    /// Sessions granted in the current benefit year (counted features with access).
    pub quota: Option<i64>,
    /// Sessions used in the current benefit year (counted features).
    pub used: Option<i64>,
    /// Sessions left in the current benefit year, never below zero (counted features
    /// with access).
    pub remaining: Option<i64>,
    /// Start of the current benefit year (a calendar year in UTC; counted features).
    pub benefit_year_start: Option<Timestamp>,
    /// End (exclusive) of the current benefit year (counted features).
    pub benefit_year_end: Option<Timestamp>,
}

impl From<Entitlement> for EntitlementDto {
    fn from(e: Entitlement) -> Self {
        Self {
            feature: e.feature.into(),
            allowed: e.allowed,
            quota: e.quota,
            used: e.used,
            remaining: e.remaining,
            benefit_year_start: e.benefit_year.map(|b| b.0.into()),
            benefit_year_end: e.benefit_year.map(|b| b.1.into()),
        }
    }
}

/// One right of a member: a feature from a source over a period.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingGrant")]
pub struct GrantDto {
    /// The grant id.
    pub id: GrantId,
    /// The member.
    pub user_id: UserId,
    /// The feature.
    pub feature: FeatureDto,
    /// Where it comes from.
    pub source: SourceDto,
    /// The reference at the source (a subscription, a membership, a redemption).
    pub source_ref: String,
    /// Valid from (inclusive).
    pub valid_from: Timestamp,
    /// Valid until (exclusive); absent: open-ended.
    pub valid_until: Option<Timestamp>,
    /// Sessions per benefit year (counted features).
    pub quota: Option<i64>,
    /// When it was revoked; absent: it was not.
    pub revoked_at: Option<Timestamp>,
    /// Why it was revoked.
    pub revoke_reason: Option<String>,
}

impl From<Grant> for GrantDto {
    fn from(g: Grant) -> Self {
        Self {
            id: g.id,
            user_id: g.user_id,
            feature: g.feature.into(),
            source: g.source.into(),
            source_ref: g.source_ref,
            valid_from: g.valid_from.into(),
            valid_until: g.valid_until.map(Into::into),
            quota: g.quota,
            revoked_at: g.revoked_at.map(Into::into),
            revoke_reason: g.revoke_reason,
        }
    }
}

/// A member's entitlements and the grants behind them.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingEntitlements")]
pub struct EntitlementsDto {
    /// Every feature, with or without access.
    pub entitlements: Vec<EntitlementDto>,
    /// The grants in force or to come, oldest first.
    pub grants: Vec<GrantDto>,
    /// The instant the answer is for.
    pub at: Timestamp,
}

/// Body of `POST /v1/billing/admin/members/{user_id}/grants`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingAdminGrant", deny_unknown_fields)]
pub struct AdminGrantRequest {
    /// The feature to grant.
    pub feature: FeatureDto,
    /// Sessions per benefit year, 1–1000: required for `care.therapy` and
    /// `care.psychiatry`, refused for the others.
    #[oai(validator(minimum(value = "1"), maximum(value = "1000")))]
    pub quota: Option<i64>,
    /// When the grant ends (exclusive), in the future; absent: open-ended.
    pub valid_until: Option<Timestamp>,
    /// Why (kept in the ledger's history), 1–500 characters.
    pub reason: Text<Reason>,
}

/// Body of `POST /v1/billing/admin/grants/{grant_id}/revoke`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingRevokeGrant", deny_unknown_fields)]
pub struct RevokeGrantRequest {
    /// Why (kept in the ledger's history), 1–500 characters.
    pub reason: Text<Reason>,
}

/// What happened to a member's ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "BillingLedgerAction", rename_all = "snake_case")]
pub enum ActionDto {
    /// A grant was made (or made again after a revocation).
    Granted,
    /// A grant's period or quota changed.
    Changed,
    /// A grant was revoked.
    Revoked,
    /// A session was consumed.
    Consumed,
    /// A consumed session was released.
    Released,
}

/// One change of a member's ledger.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingLedgerEntry")]
pub struct LedgerEntryDto {
    /// The entry id.
    pub id: LedgerEntryId,
    /// The feature.
    pub feature: FeatureDto,
    /// What happened.
    pub action: ActionDto,
    /// The grant concerned (grant changes).
    pub grant_id: Option<GrantId>,
    /// The grant's source (grant changes): a `BillingGrantSource` value.
    pub source: Option<String>,
    /// The grant's reference at the source (grant changes).
    pub source_ref: Option<String>,
    /// The consumer's reference (consumptions and releases).
    pub reference: Option<String>,
    /// The grant's end after the change.
    pub valid_until: Option<Timestamp>,
    /// The grant's quota after the change.
    pub quota: Option<i64>,
    /// The admin who made the change by hand.
    pub actor_id: Option<UserId>,
    /// Why.
    pub reason: Option<String>,
    /// When.
    pub at: Timestamp,
}

impl LedgerEntryDto {
    /// The entry of a history row (`None` for a row this version cannot read).
    pub fn of(row: EntryRow) -> Option<Self> {
        let action = match row.action.as_str() {
            "granted" => ActionDto::Granted,
            "changed" => ActionDto::Changed,
            "revoked" => ActionDto::Revoked,
            "consumed" => ActionDto::Consumed,
            "released" => ActionDto::Released,
            _ => return None,
        };
        Some(Self {
            id: row.id,
            feature: Feature::parse(&row.feature)?.into(),
            action,
            grant_id: row.grant_id,
            source: row.source,
            source_ref: row.source_ref,
            reference: row.reference,
            valid_until: row.valid_until.map(Into::into),
            quota: row.quota,
            actor_id: row.actor_id,
            reason: row.reason,
            at: row.at.into(),
        })
    }
}
