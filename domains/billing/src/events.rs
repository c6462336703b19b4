//! Events billing publishes through the outbox.
//!
//! `billing.entitlements_changed` (version 1): a member's ledger changed (a grant was
//! made, changed or revoked, a unit consumed or released). Payload: `user_id` (`usr_…`),
//! `features` (the feature names concerned), `version` (the member's ledger version after
//! the change) and `at` (RFC 3339, UTC). Subscribers re-read what they need through
//! billing's service; the event carries no amounts or provider data.

use haven_platform::ids::UserId;
use haven_platform::outbox::DomainEvent;
use serde::Serialize;

/// A member's entitlements changed.
#[derive(Debug, Clone, Serialize)]
pub struct EntitlementsChanged {
    /// The member.
    pub user_id: UserId,
    /// The features concerned.
    pub features: Vec<&'static str>,
    /// The member's ledger version after the change.
    pub version: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
}

impl DomainEvent for EntitlementsChanged {
    const TYPE: &'static str = "billing.entitlements_changed";
}
