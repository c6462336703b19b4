//! Haven's identity domain (issue 4): registration, login, the caller's account and the
//! public keys that verify access tokens. Paths live under `/v1/identity/…`.
//!
//! Layout: RFC 0001 "Inside a domain crate".

pub mod api;
pub mod dto;
pub mod error;
pub mod events;
pub mod model;
pub mod ports;
pub mod repo;
pub mod schema;
pub mod service;

use std::sync::Arc;

use haven_platform::outbox::EventHandler;
use haven_platform::ratelimit::RateLimiter;
use haven_platform::{Module, ModuleInfo, PlatformContext};

pub use error::IdentityError;
pub use model::{SessionId, UserId};
pub use service::IdentityService;

/// The identity module, mounted as `identity`.
#[derive(Clone, Debug)]
pub struct IdentityModule {
    service: IdentityService,
    limiter: RateLimiter,
}

impl IdentityModule {
    /// Builds the module from the platform context.
    pub fn new(ctx: &PlatformContext) -> Self {
        Self {
            service: IdentityService::new(ctx),
            limiter: ctx.limiter.clone(),
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
}

impl Module for IdentityModule {
    type Api = api::IdentityApi;

    fn api(&self) -> Self::Api {
        api::new(self.service.clone(), self.limiter.clone())
    }
}
