//! The plugin boundary (docs/architecture.md rule 5): a domain crate exports one value implementing
//! [`Module`]; the app mounts it with one line in `app/src/modules.rs`.

use std::sync::Arc;

use futures_util::future::BoxFuture;

use crate::auth::{Auth, Guard};
use crate::config::Settings;
use crate::db::Db;
use crate::health::Health;
use crate::ids::UserId;
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
    /// The role guard of every privileged operation; the app's wiring installs its
    /// account-state port (adapted to identity).
    pub guard: Guard,
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
            guard: Guard::default(),
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

    /// Everything this module keeps about `user_id`, for the member's export.
    ///
    /// No default: a module that stores nothing keyed by a user answers
    /// [`UserData::NothingStored`] itself, so forgetting this hook is a compile error.
    fn export_user_data<'a>(
        &'a self,
        user_id: &'a UserId,
    ) -> BoxFuture<'a, anyhow::Result<UserData>>;

    /// Deletes or pseudonymizes everything this module keeps about `user_id`.
    ///
    /// Runs in its own job after the member asked to be erased, at least once: it must be
    /// idempotent (a second run after a partial one finishes the work). An error is
    /// retried with the job queue's backoff; the erasure is not complete until this
    /// returns `Ok`. No default, as for [`ModuleInfo::export_user_data`]: a module that
    /// stores nothing answers [`Erasure::NothingStored`].
    fn erase_user<'a>(&'a self, user_id: &'a UserId) -> BoxFuture<'a, anyhow::Result<Erasure>>;

    /// Adds the module's demo data for development (`haven seed`, after the migrations).
    ///
    /// Idempotent: a second run adds nothing. Never sets a fixed password (take it from
    /// the environment or generate one and report it). No default: a module without demo
    /// data answers [`Seeded::NothingToSeed`].
    fn seed(&self) -> BoxFuture<'_, anyhow::Result<Seeded>>;
}

/// What a module's [`ModuleInfo::seed`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seeded {
    /// The module has no demo data.
    NothingToSeed,
    /// The demo data is in place.
    Done {
        /// Rows (accounts, organizations, …) this run created; 0 when all existed.
        created: u32,
        /// Lines `haven seed` prints, e.g. the demo credentials of accounts created now.
        notes: Vec<String>,
    },
}

impl Seeded {
    /// Both steps' outcome, for a module that seeds in several steps: `Done` when either
    /// seeded something, with the rows added up and the notes in order.
    pub fn and(self, next: Seeded) -> Seeded {
        match (self, next) {
            (Self::NothingToSeed, other) | (other, Self::NothingToSeed) => other,
            (
                Self::Done { created, mut notes },
                Self::Done {
                    created: more,
                    notes: more_notes,
                },
            ) => {
                notes.extend(more_notes);
                Self::Done {
                    created: created.saturating_add(more),
                    notes,
                }
            }
        }
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
