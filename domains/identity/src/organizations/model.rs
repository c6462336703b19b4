//! Organizations and their email domains.

use chrono::{DateTime, Utc};
use haven_platform::define_id;

use crate::accounts::model::{PADDING, is_dns_name};

define_id!(
    /// An organization, i.e. an employer that sponsors members (`org_…`).
    OrganizationId,
    "org"
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
}
/// A new organization as received.
#[derive(Debug, Clone)]
pub struct NewOrganization {
    /// Display name.
    pub name: String,
    /// Allowed work-email domains.
    pub allowed_domains: Vec<String>,
}

/// A change to an organization: `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct OrganizationPatch {
    /// New name.
    pub name: Option<String>,
    /// The new set of allowed domains (replaces the old one).
    pub allowed_domains: Option<Vec<String>>,
}
