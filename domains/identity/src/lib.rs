//! Haven's identity domain: registration, login, the caller's account, the public keys
//! that verify access tokens, organizations that sponsor members, and account export and
//! erasure across every module. Paths live under `/v1/identity/…`.
//!
//! Layout: one folder per resource with the same file names in each (`api`, `dto`,
//! `model`, `service`, `repo`, `error`, absent where a resource needs none), as
//! docs/architecture.md "Inside a domain crate" describes. Crate-level files hold what
//! the resources share: the service value (`service`), error plumbing (`error`), text
//! rules of the wire types (`rules`), events, rate-limit policies (`limits`), ports,
//! demo data (`seed`) and the diesel schema.

pub mod accounts;
pub mod admin;
pub mod api;
pub mod credentials;
pub mod eligibility;
pub mod erasure;
pub mod error;
pub mod events;
pub mod exports;
pub mod keys;
pub mod limits;
pub mod memberships;
pub mod mfa;
pub mod organizations;
pub mod ports;
pub mod rules;
pub mod schema;
pub mod security_events;
pub mod seed;
pub mod service;
pub mod sessions;

use std::sync::Arc;
use std::time::Duration;

pub use accounts::error::{AccountError, RegisterError, UpdateProfileError};
pub use admin::error::{AdminChangeError, AdminGetError};
pub use credentials::error::{
    ChangePasswordError, EmailTokenError, RequestVerificationError, ResetRequestError,
};
pub use eligibility::error::EligibilityError;
pub use erasure::error::{ErasureError, ErasureStatusError};
pub use exports::error::{DownloadError, ExportError};
use futures_util::future::BoxFuture;
use haven_platform::auth::Guard;
/// The account and session ids live in the platform: other domains store user ids too.
pub use haven_platform::ids::{SessionId, UserId};
use haven_platform::jobs::{JobHandler, Recurring};
use haven_platform::module::Seeded;
use haven_platform::outbox::EventHandler;
use haven_platform::privacy::{Erasure, UserData};
use haven_platform::ratelimit::RateLimiter;
use haven_platform::{Module, ModuleInfo, PlatformContext};
pub use memberships::error::{JoinError, MyMembershipError};
pub use mfa::error::{EnrollError, MfaChangeError, MfaStatusError};
pub use organizations::error::{
    CreateOrganizationError, OrganizationReadError, RemoveMemberError, UpdateOrganizationError,
};
pub use service::IdentityService;
pub use sessions::error::{LoginError, LoginMfaError, RefreshError, RevokeSessionError};

/// The identity module, mounted as `identity`.
#[derive(Clone, Debug)]
pub struct IdentityModule {
    service: IdentityService,
    limiter: RateLimiter,
    guard: Guard,
}

impl IdentityModule {
    /// Builds the module from the platform context.
    pub fn new(ctx: &PlatformContext) -> Self {
        Self {
            service: IdentityService::new(ctx),
            limiter: ctx.limiter.clone(),
            guard: ctx.guard.clone(),
        }
    }

    /// The module's use-cases (for wiring other domains' ports).
    pub fn service(&self) -> &IdentityService {
        &self.service
    }
}

impl ModuleInfo for IdentityModule {
    fn name(&self) -> &'static str {
        "identity"
    }

    fn event_handlers(&self) -> Vec<Arc<dyn EventHandler>> {
        vec![Arc::new(credentials::events::SendAccountEmail::new(
            self.service.clone(),
        ))]
    }

    fn job_handlers(&self) -> Vec<Arc<dyn JobHandler>> {
        vec![
            Arc::new(exports::jobs::ExportUserData(self.service.clone())),
            Arc::new(erasure::jobs::EraseUserFromModule(self.service.clone())),
            Arc::new(exports::jobs::PurgeExpiredExports(self.service.clone())),
        ]
    }

    fn recurring_jobs(&self) -> Vec<Recurring> {
        vec![Recurring {
            name: exports::service::PURGE_EXPORTS_JOB,
            every: Duration::from_secs(3600),
            kind: exports::service::PURGE_EXPORTS_JOB,
        }]
    }

    fn export_user_data<'a>(
        &'a self,
        user_id: &'a UserId,
    ) -> BoxFuture<'a, anyhow::Result<UserData>> {
        Box::pin(async move { Ok(self.service.export_own_data(user_id).await?) })
    }

    fn erase_user<'a>(&'a self, user_id: &'a UserId) -> BoxFuture<'a, anyhow::Result<Erasure>> {
        Box::pin(async move { Ok(self.service.erase_own_data(user_id).await?) })
    }

    fn seed(&self) -> BoxFuture<'_, anyhow::Result<Seeded>> {
        Box::pin(self.service.seed_demo_data())
    }
}

impl Module for IdentityModule {
    type Api = api::IdentityApi;

    fn api(&self) -> Self::Api {
        api::new(
            self.service.clone(),
            self.limiter.clone(),
            self.guard.clone(),
        )
    }
}
