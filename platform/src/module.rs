//! The plugin boundary (RFC 0001 rule 5): a domain crate exports one value implementing
//! [`Module`]; the app mounts it with one line in `app/src/modules.rs`.

use std::sync::Arc;

use futures_util::future::BoxFuture;

use crate::auth::Auth;
use crate::config::Settings;
use crate::db::Db;
use crate::health::Health;
use crate::jobs::{JobHandler, Recurring};
use crate::mail::Mailer;
use crate::nodes::NodeId;
use crate::observability::BuildInfo;
use crate::outbox::EventHandler;
use crate::privacy::{Erasure, ModuleDirectory, UserData};
use crate::ratelimit::RateLimiter;

/// What the platform hands every module when the app is wired.
#[derive(Clone, Debug)]
pub struct PlatformContext {
    /// The validated settings.
    pub settings: Arc<Settings>,
    /// Database pools.
    pub db: Db,
    /// Readiness state (draining, database, migrations).
    pub health: Health,
    /// Version and commit of the binary.
    pub build: BuildInfo,
    /// This process's id in the node registry (`platform_nodes`); `haven serve` registers
    /// it and keeps it heartbeating, and idempotency claims name it as their holder.
    pub node: NodeId,
    /// Shared rate limiter with the configured policies.
    pub limiter: RateLimiter,
    /// Access-token verification (every domain) and issuing (identity).
    pub auth: Auth,
    /// Outgoing email (SMTP, or the log in development).
    pub mail: Mailer,
    /// The mounted modules, installed by the app's wiring; identity reaches every
    /// module's export and erasure hooks through it.
    pub modules: ModuleDirectory,
}

impl PlatformContext {
    /// Builds pools (without connecting) and health state from `settings`.
    pub fn new(settings: Settings, build: BuildInfo) -> anyhow::Result<Self> {
        let db = Db::connect(&settings.database)?;
        let health = Health::new(db.clone());
        let limiter = RateLimiter::new(&settings, db.clone())?;
        let auth = Auth::from_settings(&settings.auth)?;
        let mail = Mailer::from_settings(&settings)?;
        Ok(Self {
            settings: Arc::new(settings),
            db,
            health,
            build,
            node: NodeId::new(),
            limiter,
            auth,
            mail,
            modules: ModuleDirectory::default(),
        })
    }
}

/// The object-safe part of a module: what the app lists, mounts and calls for events,
/// jobs, export and erasure.
pub trait ModuleInfo: Send + Sync + 'static {
    /// Stable lower-case name, e.g. `identity`; shown by `/v1/meta`.
    fn name(&self) -> &'static str;

    /// Adds routes that are not OpenAPI operations (webhooks, SSE streams).
    fn routes(&self, route: poem::Route) -> poem::Route {
        route
    }

    /// Handlers of outbox events (each records what it processed, so redelivery is a
    /// no-op).
    fn event_handlers(&self) -> Vec<Arc<dyn EventHandler>> {
        Vec::new()
    }

    /// Handlers of jobs this module enqueues.
    fn job_handlers(&self) -> Vec<Arc<dyn JobHandler>> {
        Vec::new()
    }

    /// Jobs fired once per period across all nodes.
    fn recurring_jobs(&self) -> Vec<Recurring> {
        Vec::new()
    }

    /// Everything this module keeps about `user_id` (`usr_…`), for the member's export.
    ///
    /// OBLIGATION: a module that stores anything keyed by a user (rows, files, provider
    /// records) overrides this and [`ModuleInfo::erase_user`]. The default answers
    /// [`UserData::NothingStored`], which the export shows as such.
    fn export_user_data<'a>(&'a self, user_id: &'a str) -> BoxFuture<'a, anyhow::Result<UserData>> {
        let _ = user_id;
        Box::pin(async { Ok(UserData::NothingStored) })
    }

    /// Deletes or pseudonymizes everything this module keeps about `user_id` (`usr_…`).
    ///
    /// Runs in its own job after the member asked to be erased, at least once: it must be
    /// idempotent (a second run after a partial one finishes the work). An error is
    /// retried with the job queue's backoff; the erasure is not complete until this
    /// returns `Ok`. The default answers [`Erasure::NothingStored`]: override it (see
    /// [`ModuleInfo::export_user_data`]).
    fn erase_user<'a>(&'a self, user_id: &'a str) -> BoxFuture<'a, anyhow::Result<Erasure>> {
        let _ = user_id;
        Box::pin(async { Ok(Erasure::NothingStored) })
    }
}

/// A domain: its OpenAPI operations plus everything in [`ModuleInfo`].
///
/// `poem_openapi::OpenApi` is not object-safe, so the API is an associated type and the
/// app combines the modules' APIs in a tuple.
pub trait Module: ModuleInfo {
    /// A poem-openapi API struct, or a tuple of them.
    type Api: poem_openapi::OpenApi + 'static;

    /// The module's operations, mounted under `/v1/{name}/…`.
    fn api(&self) -> Self::Api;
}
