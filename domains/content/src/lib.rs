//! Haven's content domain: the catalog (items of every kind with duration variants,
//! narrators, texts per locale with BCP 47 fallback), publishing with revisions and
//! optimistic concurrency, and the published catalog served from an in-memory snapshot
//! on every node. Paths live under `/v1/content/…`.
//!
//! Layout: one folder per resource with the same file names in each (`api`, `dto`,
//! `model`, `service`, `repo`, `error`), as docs/architecture.md "Inside a domain
//! crate" describes. Crate-level files hold what the resources share: the service value,
//! error plumbing, text rules, locales, conditional requests, ports and the schema.

pub mod api;
pub mod catalog;
pub mod courses;
pub mod days;
pub mod error;
pub mod favorites;
pub mod items;
pub mod locale;
pub mod media;
pub mod narrators;
pub mod playback;
pub mod ports;
pub mod preconditions;
pub mod privacy;
pub mod rules;
pub mod schema;
pub mod search;
pub mod seed;
pub mod service;
pub mod streaks;
pub mod today;

use std::sync::Arc;

use futures_util::future::BoxFuture;
use haven_platform::auth::Guard;
use haven_platform::ids::UserId;
use haven_platform::jobs::JobHandler;
use haven_platform::module::Seeded;
use haven_platform::privacy::{Erasure, UserData};
use haven_platform::{Module, ModuleInfo, PlatformContext};
pub use ports::{Entitlements, PREMIUM_FEATURE, ProfileZones};
pub use service::ContentService;

/// The content module, mounted as `content`.
#[derive(Clone, Debug)]
pub struct ContentModule {
    service: ContentService,
    guard: Guard,
}

impl ContentModule {
    /// Builds the module from the platform context and its ports. `entitlements`
    /// `None` (no ledger adapted) means premium variants are refused to everyone, never
    /// granted; signed media URLs are its consumer. `zones` answers a member's profile
    /// time zone (identity).
    pub fn new(
        ctx: &PlatformContext,
        entitlements: Option<Arc<dyn Entitlements>>,
        zones: Arc<dyn ProfileZones>,
    ) -> Self {
        Self {
            service: ContentService::new(ctx, entitlements, zones),
            guard: ctx.guard.clone(),
        }
    }

    /// The module's use-cases.
    pub fn service(&self) -> &ContentService {
        &self.service
    }
}

impl ModuleInfo for ContentModule {
    fn name(&self) -> &'static str {
        "content"
    }

    fn routes(&self, route: poem::Route) -> poem::Route {
        use poem::EndpointExt;
        route.at(
            media::serve::ROUTE,
            poem::get(media::serve::serve.data(self.service.clone())),
        )
    }

    fn job_handlers(&self) -> Vec<Arc<dyn JobHandler>> {
        vec![Arc::new(items::jobs::PublishScheduled(
            self.service.clone(),
        ))]
    }

    fn export_user_data<'a>(
        &'a self,
        user_id: &'a UserId,
    ) -> BoxFuture<'a, anyhow::Result<UserData>> {
        Box::pin(async move { Ok(self.service.export_user(user_id).await?) })
    }

    fn erase_user<'a>(&'a self, user_id: &'a UserId) -> BoxFuture<'a, anyhow::Result<Erasure>> {
        Box::pin(async move { Ok(self.service.erase_user(user_id).await?) })
    }

    fn seed(&self) -> BoxFuture<'_, anyhow::Result<Seeded>> {
        // The catalog (items, narrators, audio) first; the courses are built from
        // whatever is published then.
        Box::pin(async move {
            let catalog = self.service.seed_demo().await?;
            let courses = self.service.seed_courses().await?;
            Ok(catalog.and(courses))
        })
    }
}

impl Module for ContentModule {
    type Api = api::ContentApi;

    fn api(&self) -> Self::Api {
        api::new(self.service.clone(), self.guard.clone())
    }
}
