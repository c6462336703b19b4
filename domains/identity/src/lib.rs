//! Haven's identity domain (issue 4): registration, login, the caller's account, the
//! public keys that verify access tokens, and account export and erasure across every
//! module. Paths live under `/v1/identity/…`.
//!
//! Layout: still by layer (api, dto, service, repo); the by-resource layout of
//! docs/architecture.md "Inside a domain crate" is the target (issue 8, point 6).

pub mod api;
pub mod dto;
pub mod error;
pub mod events;
pub mod limits;
pub mod model;
pub mod ports;
pub mod repo;
pub mod schema;
pub mod service;

use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use haven_platform::auth::Guard;
use haven_platform::jobs::{JobHandler, Recurring};
use haven_platform::module::Seeded;
use haven_platform::outbox::EventHandler;
use haven_platform::privacy::{Erasure, UserData};
use haven_platform::ratelimit::RateLimiter;
use haven_platform::{Module, ModuleInfo, PlatformContext};

pub use error::accounts::{AccountError, RegisterError, UpdateProfileError};
pub use error::admin::{AdminChangeError, AdminGetError};
pub use error::credentials::{
    ChangePasswordError, EmailTokenError, RequestVerificationError, ResetRequestError,
};
pub use error::mfa::{EnrollError, MfaChangeError, MfaStatusError};
pub use error::organizations::{
    CreateOrganizationError, EligibilityError, JoinError, MyMembershipError, OrganizationReadError,
    RemoveMemberError, UpdateOrganizationError,
};
pub use error::privacy::{DownloadError, ErasureError, ErasureStatusError, ExportError};
pub use error::sessions::{LoginError, LoginMfaError, RefreshError, RevokeSessionError};
pub use model::{SessionId, UserId};
pub use service::IdentityService;

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
        vec![Arc::new(events::SendAccountEmail::new(
            self.service.clone(),
        ))]
    }

    fn job_handlers(&self) -> Vec<Arc<dyn JobHandler>> {
        vec![
            Arc::new(service::ExportUserData(self.service.clone())),
            Arc::new(service::EraseUserFromModule(self.service.clone())),
            Arc::new(service::PurgeExpiredExports(self.service.clone())),
        ]
    }

    fn recurring_jobs(&self) -> Vec<Recurring> {
        vec![Recurring {
            name: service::PURGE_EXPORTS_JOB,
            every: Duration::from_secs(3600),
            kind: service::PURGE_EXPORTS_JOB,
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
