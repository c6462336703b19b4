//! Wire types of the admin operations (`/v1/identity/admin/…`).

use haven_platform::auth::Role;
use haven_platform::http::text::{List, ListRule};
use haven_platform::http::timestamp::Timestamp;
use haven_platform::ids::UserId;
use poem_openapi::Object;

use super::model::AdminUser;

/// An account as an admin sees it.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityAdminUser")]
pub struct AdminUserDto {
    /// The user id.
    pub id: UserId,
    /// The email address (domain in lower case).
    pub email: String,
    /// The display name, if set.
    pub display_name: Option<String>,
    /// The roles granted to the account (always includes `member`).
    pub roles: Vec<Role>,
    /// When the account was created.
    pub created_at: Timestamp,
    /// When the member proved they own the email address; absent until then.
    pub email_verified_at: Option<Timestamp>,
    /// When an admin disabled the account; absent while it is enabled.
    pub disabled_at: Option<Timestamp>,
    /// How many of the account's sessions are not revoked (signed-in devices, including
    /// ones that lapsed unused).
    pub active_sessions: u32,
}

impl From<AdminUser> for AdminUserDto {
    fn from(a: AdminUser) -> Self {
        let u = a.user;
        Self {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            roles: u.roles,
            created_at: u.created_at.into(),
            email_verified_at: u.email_verified_at.map(Into::into),
            disabled_at: u.disabled_at.map(Into::into),
            active_sessions: a.active_sessions,
        }
    }
}

/// Body of `PUT /v1/identity/admin/users/{user_id}/roles`: the complete new set of
/// roles. It must include `member` and list each role once; any other field is `400`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityAdminSetRoles", deny_unknown_fields)]
pub struct SetRolesRequest {
    /// Every role the account is to hold, e.g. `["member", "coach"]`; it must include
    /// `member` (a rule the schema cannot express in OpenAPI 3.0).
    pub roles: List<Role, RoleSet>,
}

/// A complete set of roles: each role once.
pub struct RoleSet;

impl ListRule for RoleSet {
    const MIN_ITEMS: Option<usize> = Some(1);
    const MAX_ITEMS: Option<usize> = Some(4);
    const UNIQUE_ITEMS: bool = true;
}
