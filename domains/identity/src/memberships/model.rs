//! Memberships: how a member joined and why a membership ended.

use chrono::{DateTime, Utc};
use haven_platform::define_id;
use haven_platform::ids::UserId;

use crate::organizations::model::OrganizationId;

define_id!(
    /// One membership of a member in an organization (`mbr_…`).
    MembershipId,
    "mbr"
);

/// How a member qualified for a membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinedVia {
    /// Their verified email's domain is one of the organization's allowed domains.
    EmailDomain,
    /// Their verified email is on the eligibility list.
    EligibilityEmail,
    /// They gave an employee id that is on the eligibility list.
    EmployeeId,
}

impl JoinedVia {
    /// The stored (and published) name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::EmailDomain => "email_domain",
            Self::EligibilityEmail => "eligibility_email",
            Self::EmployeeId => "employee_id",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::EmailDomain, Self::EligibilityEmail, Self::EmployeeId]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// Why a membership ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    /// The member left.
    Left,
    /// An admin removed the member.
    RemovedByAdmin,
    /// A new eligibility list no longer has the entry the member joined through.
    EligibilityRemoved,
    /// The domain the member joined through is no longer allowed.
    DomainRemoved,
    /// The member's account was erased.
    AccountErased,
}

impl EndReason {
    /// The stored (and published) name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Left => "left",
            Self::RemovedByAdmin => "removed_by_admin",
            Self::EligibilityRemoved => "eligibility_removed",
            Self::DomainRemoved => "domain_removed",
            Self::AccountErased => "account_erased",
        }
    }
}

/// An active membership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    /// The id.
    pub id: MembershipId,
    /// The organization.
    pub organization_id: OrganizationId,
    /// The organization's name.
    pub organization_name: String,
    /// The member.
    pub user_id: UserId,
    /// The member's email address.
    pub email: String,
    /// How the member qualified.
    pub via: JoinedVia,
    /// The employee id the member joined with, if that is how.
    pub employee_id: Option<String>,
    /// When it started.
    pub joined_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip() {
        for via in [
            JoinedVia::EmailDomain,
            JoinedVia::EligibilityEmail,
            JoinedVia::EmployeeId,
        ] {
            assert_eq!(JoinedVia::parse(via.as_str()), Some(via));
        }
        assert_eq!(JoinedVia::parse("other"), None);
    }
}
/// The outcome of a join.
#[derive(Debug, Clone)]
pub struct Joined {
    /// The active membership.
    pub membership: Membership,
    /// `false` when the member already belonged to this organization.
    pub created: bool,
}
