//! Shared pieces of the export and erasure tests: test-only modules mounted next to the
//! real ones, the job runtime, a bounded wait, and typed reads of the tables.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use diesel::prelude::*;
use futures_util::future::BoxFuture;
use haven_platform::ids::UserId;
use haven_platform::jobs::Runtime;
use haven_platform::module::Seeded;
use haven_platform::privacy::{Erasure, UserData};
use haven_platform::testing::TestApp;
use haven_platform::{AnyConnection, DbError, ModuleInfo};
use poem::test::TestResponse;
use serde_json::{Value, json};

/// Longest wait for background work before a test fails.
pub const WAIT: Duration = Duration::from_secs(20);

/// A module that stores data about users: records every hook call and fails its erasure
/// until it is allowed to succeed.
#[derive(Default)]
pub struct Probe {
    /// `("export" | "erase", user_id)` in call order.
    pub calls: Mutex<Vec<(&'static str, String)>>,
    /// Erase calls so far.
    pub erase_calls: AtomicU32,
    /// While false, `erase_user` fails.
    pub erase_allowed: AtomicBool,
}

impl Probe {
    /// A probe whose erasure succeeds at once (or not, until [`Probe::allow_erase`]).
    pub fn new(erase_allowed: bool) -> Arc<Self> {
        let probe = Self::default();
        probe.erase_allowed.store(erase_allowed, Ordering::SeqCst);
        Arc::new(probe)
    }

    /// Lets `erase_user` succeed from now on.
    pub fn allow_erase(&self) {
        self.erase_allowed.store(true, Ordering::SeqCst);
    }

    /// The hook calls so far.
    pub fn calls(&self) -> Vec<(&'static str, String)> {
        self.calls.lock().unwrap().clone()
    }
}

impl ModuleInfo for Probe {
    fn name(&self) -> &'static str {
        "probe"
    }

    fn export_user_data<'a>(
        &'a self,
        user_id: &'a UserId,
    ) -> BoxFuture<'a, anyhow::Result<UserData>> {
        self.calls
            .lock()
            .unwrap()
            .push(("export", user_id.to_string()));
        Box::pin(async move { Ok(UserData::Exported(json!({"probe_of": user_id}))) })
    }

    fn erase_user<'a>(&'a self, user_id: &'a UserId) -> BoxFuture<'a, anyhow::Result<Erasure>> {
        self.calls
            .lock()
            .unwrap()
            .push(("erase", user_id.to_string()));
        self.erase_calls.fetch_add(1, Ordering::SeqCst);
        let allowed = self.erase_allowed.load(Ordering::SeqCst);
        Box::pin(async move {
            if allowed {
                Ok(Erasure::Erased)
            } else {
                anyhow::bail!("probe storage unavailable")
            }
        })
    }

    fn seed(&self) -> BoxFuture<'_, anyhow::Result<Seeded>> {
        Box::pin(async { Ok(Seeded::NothingToSeed) })
    }
}

/// A module that keeps nothing about users, and says so.
pub struct Quiet;

impl ModuleInfo for Quiet {
    fn name(&self) -> &'static str {
        "quiet"
    }

    fn export_user_data<'a>(&'a self, _: &'a UserId) -> BoxFuture<'a, anyhow::Result<UserData>> {
        Box::pin(async { Ok(UserData::NothingStored) })
    }

    fn erase_user<'a>(&'a self, _: &'a UserId) -> BoxFuture<'a, anyhow::Result<Erasure>> {
        Box::pin(async { Ok(Erasure::NothingStored) })
    }

    fn seed(&self) -> BoxFuture<'_, anyhow::Result<Seeded>> {
        Box::pin(async { Ok(Seeded::NothingToSeed) })
    }
}

/// The real app plus the `probe` and `quiet` modules, with fast job settings (3 attempts
/// by default, 20–100 ms backoff) and the login limits out of the way.
pub async fn app_with(probe: &Arc<Probe>) -> TestApp {
    haven_app::testing::builder()
        .settings(|s| {
            s.jobs.poll_interval_ms = 20;
            // Long enough that a loaded CI machine never reclaims a live job (which would
            // count a second attempt of a step that did not fail).
            s.jobs.visibility_timeout_ms = 30_000;
            s.jobs.max_attempts = 3;
            s.jobs.backoff_base_ms = 20;
            s.jobs.backoff_max_ms = 100;
            for policy in ["identity_login_email", "identity_login_ip"] {
                s.rate_limits.insert(
                    policy.to_owned(),
                    haven_platform::config::RateLimitPolicy {
                        limit: 10_000,
                        window_s: 300,
                    },
                );
            }
        })
        .module(Arc::clone(probe) as Arc<dyn ModuleInfo>)
        .module(Arc::new(Quiet))
        .build(haven_app::wiring::build_app)
        .await
}

/// The modules an export or erasure covers in [`app_with`]'s app, in the order it asks
/// them: the app's mounted modules (derived, so mounting a domain edits no test), then
/// the test modules.
pub fn covered_modules(app: &TestApp) -> Vec<String> {
    let mut names = haven_app::wiring::modules(&app.ctx).names();
    names.extend(["probe".to_owned(), "quiet".to_owned()]);
    names
}

/// The job workers of the app's modules, as `haven serve` runs them.
pub fn workers(app: &TestApp) -> Runtime {
    Runtime::start(
        app.ctx.db.clone(),
        app.ctx.settings.jobs.clone(),
        haven_app::wiring::job_registry(&app.ctx),
    )
}

/// `method path` with the bearer token of `tokens` and an optional JSON body.
pub async fn call(
    app: &TestApp,
    method: poem::http::Method,
    path: &str,
    tokens: &Value,
    body: Option<&Value>,
) -> TestResponse {
    let mut req = app.client.request(method, path).header(
        "authorization",
        format!("Bearer {}", tokens["access_token"].as_str().unwrap()),
    );
    if let Some(body) = body {
        req = req
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    req.send().await
}

/// Runs `f` on a pooled connection.
pub async fn query<T: Send + 'static>(
    app: &TestApp,
    f: impl FnOnce(&mut AnyConnection) -> QueryResult<T> + Send + 'static,
) -> T {
    app.ctx
        .db
        .run(move |conn| f(conn).map_err(DbError::Query))
        .await
        .unwrap()
}
