//! The identity operations, one file per resource.

mod accounts;
mod admin;
mod email_verification;
mod erasure;
mod exports;
mod keys;
mod mfa;
mod my_organization;
mod organizations;
mod passwords;
mod sessions;

pub use accounts::AccountsApi;
pub use admin::AdminApi;
pub use email_verification::EmailVerificationApi;
pub use erasure::ErasureApi;
pub use exports::ExportsApi;
pub use keys::KeysApi;
pub use mfa::MfaApi;
pub use my_organization::MyOrganizationApi;
pub use organizations::OrganizationsApi;
pub use passwords::PasswordsApi;
pub use sessions::SessionsApi;

use haven_platform::auth::Guard;
use haven_platform::ratelimit::RateLimiter;
use poem_openapi::Tags;

use crate::service::IdentityService;

/// The module's API: every resource's operations.
pub type IdentityApi = (
    AccountsApi,
    SessionsApi,
    KeysApi,
    ExportsApi,
    ErasureApi,
    EmailVerificationApi,
    PasswordsApi,
    OrganizationsApi,
    MyOrganizationApi,
    AdminApi,
    MfaApi,
);

/// Builds [`IdentityApi`] around the service.
pub fn new(service: IdentityService, limiter: RateLimiter, guard: Guard) -> IdentityApi {
    (
        AccountsApi::new(service.clone()),
        SessionsApi::new(service.clone(), limiter.clone()),
        KeysApi::new(service.clone()),
        ExportsApi::new(service.clone()),
        ErasureApi::new(service.clone(), limiter.clone()),
        EmailVerificationApi::new(service.clone(), limiter.clone()),
        PasswordsApi::new(service.clone(), limiter.clone()),
        OrganizationsApi::new(service.clone(), guard.clone()),
        MyOrganizationApi::new(service.clone(), limiter.clone()),
        AdminApi::new(service.clone(), guard),
        MfaApi::new(service, limiter),
    )
}

/// The OpenAPI tags of the identity operations, one per resource group.
#[derive(Tags)]
enum IdentityTag {
    /// Registration and the member's own account (profile).
    #[oai(rename = "Identity: Accounts")]
    Accounts,
    /// Signing in and out, token refresh and the member's signed-in devices.
    #[oai(rename = "Identity: Sessions")]
    Sessions,
    /// The public keys that verify access tokens.
    #[oai(rename = "Identity: Keys")]
    Keys,
    /// Two-step verification (TOTP and recovery codes).
    #[oai(rename = "Identity: MFA")]
    Mfa,
    /// Email verification, password reset and password change.
    #[oai(rename = "Identity: Credentials")]
    Credentials,
    /// Exports and erasure of the member's data.
    #[oai(rename = "Identity: Privacy")]
    Privacy,
    /// Sponsoring organizations, their eligibility lists and members (admins).
    #[oai(rename = "Identity: Organizations")]
    Organizations,
    /// The member's own organization membership.
    #[oai(rename = "Identity: Memberships")]
    Memberships,
    /// Account administration (admins).
    #[oai(rename = "Identity: Admin")]
    Admin,
}

/// The signed-in caller's account and session as typed ids.
pub(crate) struct Caller {
    /// The account (`sub`).
    pub user_id: crate::model::UserId,
    /// The session (`sid`).
    pub session_id: crate::model::SessionId,
}

/// The caller of `principal`. Identity signs only well-formed ids, so a token carrying
/// anything else is refused like a revoked session (`401`).
pub(crate) fn caller(
    principal: &haven_platform::auth::Principal,
) -> Result<Caller, crate::error::accounts::SessionRevoked> {
    match (principal.user_id.parse(), principal.session_id.parse()) {
        (Ok(user_id), Ok(session_id)) => Ok(Caller {
            user_id,
            session_id,
        }),
        _ => Err(crate::error::accounts::SessionRevoked),
    }
}
