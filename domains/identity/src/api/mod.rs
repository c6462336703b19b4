//! The identity operations, one file per resource.

mod accounts;
mod admin;
mod keys;
mod sessions;

pub use accounts::AccountsApi;
pub use admin::AdminApi;
pub use keys::KeysApi;
pub use sessions::SessionsApi;

use haven_platform::ratelimit::RateLimiter;
use poem_openapi::Tags;

use crate::service::IdentityService;

/// The module's API: every resource's operations.
pub type IdentityApi = (AccountsApi, SessionsApi, KeysApi, AdminApi);

/// Builds [`IdentityApi`] around the service.
pub fn new(service: IdentityService, limiter: RateLimiter) -> IdentityApi {
    (
        AccountsApi::new(service.clone()),
        SessionsApi::new(service.clone(), limiter),
        KeysApi::new(service.clone()),
        AdminApi::new(service),
    )
}

/// The OpenAPI tag of the identity operations.
#[derive(Tags)]
enum IdentityTag {
    /// Accounts, sign-in and the keys that verify access tokens.
    Identity,
}
