//! Events billing publishes through the outbox.
//!
//! `billing.entitlements_changed` (version 1): a member's ledger changed (a grant was
//! made, changed or revoked, a unit consumed or released). Payload: `user_id` (`usr_…`),
//! `features` (the feature names concerned), `version` (the member's ledger version after
//! the change) and `at` (RFC 3339, UTC). Subscribers re-read what they need through
//! billing's service; the event carries no amounts or provider data.
//!
//! Handled: identity's `organization.member_joined` / `organization.member_left`
//! ([`EmployerSponsorships`]).

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

/// Turns identity's `organization.member_joined` / `organization.member_left` (version 1)
/// into employer seats and grants. Billing reads the payload with its own struct; it does
/// not depend on identity.
#[derive(Debug, Clone)]
pub struct EmployerSponsorships {
    service: crate::service::BillingService,
}

impl EmployerSponsorships {
    /// Around the service.
    pub fn new(service: crate::service::BillingService) -> Self {
        Self { service }
    }
}

/// The fields billing reads from identity's membership events.
#[derive(Debug, serde::Deserialize)]
struct MembershipEvent {
    organization_id: String,
    user_id: String,
    membership_id: String,
    at: String,
}

impl haven_platform::outbox::EventHandler for EmployerSponsorships {
    fn name(&self) -> &'static str {
        "billing.employer_sponsorships"
    }

    fn event_types(&self) -> Vec<&'static str> {
        vec!["organization.member_joined", "organization.member_left"]
    }

    fn handle<'a>(
        &'a self,
        event: &'a haven_platform::outbox::Event,
    ) -> futures_util::future::BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            anyhow::ensure!(
                event.version == 1,
                "unknown version {} of {}",
                event.version,
                event.event_type
            );
            let e: MembershipEvent = serde_json::from_value(event.payload.clone())?;
            let org = e.organization_id.parse()?;
            let membership = e.membership_id.parse()?;
            let user: UserId = e.user_id.parse()?;
            let at = chrono::DateTime::parse_from_rfc3339(&e.at)?.naive_utc();
            if event.event_type == "organization.member_joined" {
                self.service
                    .on_member_joined(org, membership, user, at)
                    .await?;
            } else {
                self.service
                    .on_member_left(org, membership, user, at)
                    .await?;
            }
            Ok(())
        })
    }
}
