//! Events the identity domain publishes and handles through the outbox.
//!
//! `account_email`: the verification and password-reset emails, sent by an outbox
//! handler so that a use-case commits the request and the email together.
//! `organization.member_joined` and `organization.member_left` (version 1) announce
//! sponsorships to billing, which turns them into entitlements; payloads are documented
//! in the README ("Organizations").

use haven_platform::ids::UserId;
use haven_platform::outbox::DomainEvent;
use serde::Serialize;

use crate::memberships::model::MembershipId;
use crate::organizations::model::OrganizationId;

/// `user.erased`: the member asked for their account to be erased; published in the
/// request's transaction. Subscribers may act on it (e.g. stop billing at once); the
/// erasure itself runs through every module's `erase_user` hook, not through this event.
#[derive(Debug, Clone, Serialize)]
pub struct UserErased {
    /// The erased account (`usr_…`), from now on a pseudonym.
    pub user_id: UserId,
}

impl DomainEvent for UserErased {
    const TYPE: &'static str = "user.erased";
}

/// A member started a sponsored membership.
#[derive(Debug, Clone, Serialize)]
pub struct MemberJoined {
    /// `org_…`.
    pub organization_id: OrganizationId,
    /// `usr_…`.
    pub user_id: UserId,
    /// `mbr_…`: the membership (one per join).
    pub membership_id: MembershipId,
    /// `email_domain`, `eligibility_email` or `employee_id`.
    pub via: &'static str,
    /// When it started (RFC 3339, UTC).
    pub at: String,
}

impl DomainEvent for MemberJoined {
    const TYPE: &'static str = "organization.member_joined";
}

/// A sponsored membership ended.
#[derive(Debug, Clone, Serialize)]
pub struct MemberLeft {
    /// `org_…`.
    pub organization_id: OrganizationId,
    /// `usr_…`.
    pub user_id: UserId,
    /// `mbr_…`: the membership that ended.
    pub membership_id: MembershipId,
    /// `left`, `removed_by_admin`, `eligibility_removed` or `domain_removed`.
    pub reason: &'static str,
    /// When it ended (RFC 3339, UTC).
    pub at: String,
}

impl DomainEvent for MemberLeft {
    const TYPE: &'static str = "organization.member_left";
}
