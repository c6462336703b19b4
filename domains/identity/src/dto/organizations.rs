//! Wire types of the organization endpoints.

use haven_platform::http::text::{List, Text};
use haven_platform::http::timestamp::Timestamp;
use poem::http::StatusCode;
use poem::{Request, RequestBody};
use poem_openapi::payload::{ParsePayload, Payload};
use poem_openapi::registry::{MetaSchema, MetaSchemaRef};
use poem_openapi::{Enum, Object, impl_apirequest_for_payload};
use tokio::io::AsyncReadExt;

use super::rules;
use crate::model::{
    ELIGIBILITY_MAX_BYTES, JoinedVia, Membership, MembershipId, Organization, OrganizationId,
    UserId,
};
use crate::service::EligibilityReplaced;

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

/// What an accepted eligibility upload did.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityEligibilityReport")]
pub struct EligibilityReportDto {
    /// Entries on the new list (it replaced the previous one).
    pub entries: u32,
    /// Memberships ended because the member is no longer on the list
    /// (`eligibility_removed`).
    pub memberships_ended: u32,
}

impl From<EligibilityReplaced> for EligibilityReportDto {
    fn from(r: EligibilityReplaced) -> Self {
        Self {
            entries: u32::try_from(r.entries).unwrap_or(u32::MAX),
            memberships_ended: u32::try_from(r.memberships_ended).unwrap_or(u32::MAX),
        }
    }
}

/// How a member qualified for their membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "IdentityJoinedVia", rename_all = "snake_case")]
pub enum JoinedViaDto {
    /// The verified email's domain is allowed by the organization.
    EmailDomain,
    /// The verified email is on the eligibility list.
    EligibilityEmail,
    /// The employee id given is on the eligibility list.
    EmployeeId,
}

impl From<JoinedVia> for JoinedViaDto {
    fn from(v: JoinedVia) -> Self {
        match v {
            JoinedVia::EmailDomain => Self::EmailDomain,
            JoinedVia::EligibilityEmail => Self::EligibilityEmail,
            JoinedVia::EmployeeId => Self::EmployeeId,
        }
    }
}

/// Body of `POST /v1/identity/me/organization`. Unknown fields are rejected.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityJoinOrganization", deny_unknown_fields)]
pub struct JoinOrganizationRequest {
    /// The organization to join (e.g. from the employer's invitation link).
    pub organization_id: OrganizationId,
    /// The employee id from the employer's eligibility list, when joining by it (at most
    /// 64 characters; compared exactly, spaces around it ignored).
    pub employee_id: Option<Text<rules::EmployeeId>>,
}

/// The caller's active organization membership (their sponsor).
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityMembership")]
pub struct MembershipDto {
    /// The membership id.
    pub id: MembershipId,
    /// The sponsoring organization.
    pub organization_id: OrganizationId,
    /// Its display name.
    pub organization_name: String,
    /// How the caller qualified.
    pub via: JoinedViaDto,
    /// The employee id joined with, when `via` is `employee_id`.
    pub employee_id: Option<String>,
    /// When the membership started.
    pub joined_at: Timestamp,
}

impl From<Membership> for MembershipDto {
    fn from(m: Membership) -> Self {
        Self {
            id: m.id,
            organization_id: m.organization_id,
            organization_name: m.organization_name,
            via: m.via.into(),
            employee_id: m.employee_id,
            joined_at: m.joined_at.into(),
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

/// A `text/csv` request body (UTF-8), read up to [`ELIGIBILITY_MAX_BYTES`]: a larger one
/// is `413` without reading the rest, bytes that are not UTF-8 are `400`.
#[derive(Debug, Clone)]
pub struct CsvBody(pub String);

impl Payload for CsvBody {
    const CONTENT_TYPE: &'static str = "text/csv";

    fn check_content_type(content_type: &str) -> bool {
        content_type
            .split(';')
            .next()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("text/csv"))
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(MetaSchema {
            description: Some(
                "CSV (UTF-8): a header row naming `email` and/or `employee_id`, then one \
                 person per row.",
            ),
            ..MetaSchema::new("string")
        }))
    }
}

impl ParsePayload for CsvBody {
    const IS_REQUIRED: bool = true;

    async fn from_request(_request: &Request, body: &mut RequestBody) -> poem::Result<Self> {
        let limit = u64::try_from(ELIGIBILITY_MAX_BYTES).unwrap_or(u64::MAX);
        let mut bytes = Vec::new();
        body.take()?
            .into_async_read()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .await
            .map_err(|e| {
                poem::Error::from_string(format!("reading the body: {e}"), StatusCode::BAD_REQUEST)
            })?;
        if bytes.len() > ELIGIBILITY_MAX_BYTES {
            return Err(poem::Error::from_string(
                format!("An eligibility list is at most {ELIGIBILITY_MAX_BYTES} bytes."),
                StatusCode::PAYLOAD_TOO_LARGE,
            ));
        }
        String::from_utf8(bytes).map(Self).map_err(|_| {
            poem::Error::from_string("The CSV must be UTF-8 text.", StatusCode::BAD_REQUEST)
        })
    }
}

impl_apirequest_for_payload!(CsvBody);
