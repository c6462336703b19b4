//! Organizations (employers that sponsor members): ids, allowed email domains and the
//! ways a membership starts and ends.

use chrono::{DateTime, Utc};
use haven_platform::define_id;

use super::{PADDING, UserId, is_dns_name};

define_id!(
    /// An organization, i.e. an employer that sponsors members (`org_…`).
    OrganizationId,
    "org"
);
define_id!(
    /// One membership of a member in an organization (`mbr_…`).
    MembershipId,
    "mbr"
);

/// Longest organization name, in characters.
pub const ORGANIZATION_NAME_MAX_CHARS: usize = 200;
/// Most allowed email domains per organization.
pub const MAX_ALLOWED_DOMAINS: usize = 50;
/// Longest employee id, in characters.
pub const EMPLOYEE_ID_MAX_CHARS: usize = 64;

/// A work-email domain an organization accepts: ASCII (IDNs in their `xn--` form), at
/// least two dot-separated labels of 1–63 letters, digits or inner hyphens, a top-level
/// label that starts with a letter, at most 253 characters as sent (padding included);
/// stored lower-cased. The OpenAPI document states the same rule as a pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EmailDomain(String);

impl EmailDomain {
    /// Trims [`PADDING`] and lower-cases `raw`, then checks the shape; `None` if it is
    /// not a domain.
    pub fn parse(raw: &str) -> Option<Self> {
        let domain = raw.trim_matches(PADDING).to_ascii_lowercase();
        (raw.chars().count() <= 253 && is_dns_name(&domain)).then_some(Self(domain))
    }

    /// The domain of a (normalized) email address, if it has one of the right shape.
    pub fn of_email(email_normalized: &str) -> Option<Self> {
        email_normalized
            .rsplit_once('@')
            .and_then(|(_, domain)| Self::parse(domain))
    }

    /// The domain.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

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

/// An organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    /// The id.
    pub id: OrganizationId,
    /// The display name.
    pub name: String,
    /// Allowed work-email domains, sorted.
    pub allowed_domains: Vec<String>,
    /// Entries on the current eligibility list.
    pub eligibility_entries: i64,
    /// When the current eligibility list was uploaded (`None`: never).
    pub eligibility_uploaded_at: Option<DateTime<Utc>>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
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
    fn domains_are_lower_cased_and_shape_checked() {
        assert_eq!(
            EmailDomain::parse(" Acme.COM ").map(|d| d.as_str().to_owned()),
            Some("acme.com".to_owned())
        );
        assert!(EmailDomain::parse("mail.xn--bcher-kva.example").is_some());
        for bad in [
            "",
            "acme",
            ".acme.com",
            "acme..com",
            "-acme.com",
            "acme-.com",
            "acme.com.",
            "ac me.com",
            "@acme.com",
            "bücher.de",
            "10.0.0.1",
            "a_b.com",
            "acme.1com",
        ] {
            assert_eq!(EmailDomain::parse(bad), None, "{bad}");
        }
        assert_eq!(
            EmailDomain::of_email("jane@Acme.com").map(|d| d.as_str().to_owned()),
            Some("acme.com".to_owned())
        );
    }

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
