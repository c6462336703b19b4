//! Wire types of the member's organization membership.

use haven_platform::http::text::Text;
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::model::{JoinedVia, Membership, MembershipId};
use crate::organizations::model::OrganizationId;
use crate::rules;

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
