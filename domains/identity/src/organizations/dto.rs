//! Wire types of organizations (the admins' side).

use haven_platform::http::text::{List, Text};
use haven_platform::http::timestamp::Timestamp;
use haven_platform::ids::UserId;
use poem_openapi::Object;

use super::model::{Organization, OrganizationId};
use crate::memberships::dto::JoinedViaDto;
use crate::memberships::model::{Membership, MembershipId};
use crate::rules;

/// Body of `POST /v1/identity/organizations`. Unknown fields (e.g. `id`) are rejected.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityCreateOrganization", deny_unknown_fields)]
pub struct CreateOrganizationRequest {
    /// Display name, 1–200 characters.
    pub name: Text<rules::OrganizationName>,
    /// Work-email domains whose verified members may join (e.g. `acme.com`; exact match,
    /// not subdomains), lower-cased, at most 50, each allowed by one organization only.
    #[oai(default = "no_domains")]
    pub allowed_domains: List<Text<rules::Domain>, rules::AllowedDomains>,
}

/// `PATCH /v1/identity/organizations/{organization_id}`: the fields to change. An
/// absent field is left as it is; `allowed_domains` replaces the whole set. Any other
/// field is rejected with `400`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityUpdateOrganization", deny_unknown_fields)]
pub struct UpdateOrganizationRequest {
    /// New display name, 1–200 characters.
    pub name: Option<Text<rules::OrganizationName>>,
    /// The new set of allowed domains. Members who joined through a domain that is
    /// dropped lose their membership (`domain_removed`).
    pub allowed_domains: Option<List<Text<rules::Domain>, rules::AllowedDomains>>,
}

fn no_domains() -> List<Text<rules::Domain>, rules::AllowedDomains> {
    List::new(Vec::new())
}

/// An organization (an employer that sponsors members).
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityOrganization")]
pub struct OrganizationDto {
    /// The organization id.
    pub id: OrganizationId,
    /// Display name.
    pub name: String,
    /// Allowed work-email domains, sorted.
    pub allowed_domains: Vec<String>,
    /// Entries on the current eligibility list (0 if none was uploaded).
    pub eligibility_entries: i64,
    /// When the current eligibility list was uploaded; absent if never.
    pub eligibility_uploaded_at: Option<Timestamp>,
    /// When the organization was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl From<Organization> for OrganizationDto {
    fn from(o: Organization) -> Self {
        Self {
            id: o.id,
            name: o.name,
            allowed_domains: o.allowed_domains,
            eligibility_entries: o.eligibility_entries,
            eligibility_uploaded_at: o.eligibility_uploaded_at.map(Into::into),
            created_at: o.created_at.into(),
            updated_at: o.updated_at.into(),
        }
    }
}

/// An active member of an organization, as admins see it.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityOrganizationMember")]
pub struct OrganizationMemberDto {
    /// The membership id.
    pub membership_id: MembershipId,
    /// The member's user id.
    pub user_id: UserId,
    /// The member's email address.
    pub email: String,
    /// How the member qualified.
    pub via: JoinedViaDto,
    /// The employee id joined with, when `via` is `employee_id`.
    pub employee_id: Option<String>,
    /// When the membership started.
    pub joined_at: Timestamp,
}

impl From<Membership> for OrganizationMemberDto {
    fn from(m: Membership) -> Self {
        Self {
            membership_id: m.id,
            user_id: m.user_id,
            email: m.email,
            via: m.via.into(),
            employee_id: m.employee_id,
            joined_at: m.joined_at.into(),
        }
    }
}
