//! The identity API: every resource's operations (in `<resource>/api.rs`) combined, and the
//! OpenAPI tags that group them.

use haven_platform::auth::Guard;
use haven_platform::ratelimit::RateLimiter;
use poem_openapi::Tags;

use crate::accounts::api::AccountsApi;
use crate::admin::api::AdminApi;
use crate::credentials::api::{EmailVerificationApi, PasswordsApi};
use crate::erasure::api::ErasureApi;
use crate::exports::api::ExportsApi;
use crate::keys::api::KeysApi;
use crate::memberships::api::MyOrganizationApi;
use crate::mfa::api::MfaApi;
use crate::organizations::api::OrganizationsApi;
use crate::service::IdentityService;
use crate::sessions::api::SessionsApi;

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
pub(crate) enum IdentityTag {
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
