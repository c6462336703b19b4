//! Test harness (feature `test-support`): a fully wired app on a fresh database per test.
//!
//! SQLite by default (a temp file); with `HAVEN_TEST_POSTGRES_URL` set (an admin URL such
//! as `postgres://postgres@127.0.0.1:5432/postgres`), a fresh PostgreSQL database cloned
//! from a template that is migrated once per migration set, so each test costs one
//! `CREATE DATABASE … TEMPLATE`.
//!
//! Also the shared test kit: signed-in accounts ([`TestApp::member`], [`TestApp::admin`],
//! …), the one login request ([`TestApp::login`]), problem assertions
//! ([`AssertProblem::assert_problem`]), a bounded poller ([`wait_until`]) and the outside
//! services a test may require ([`require_service`]).

// A harness that cannot set up a test must stop it loudly; there is no caller to recover.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod accounts;
mod logs;
mod mailbox;
mod problem;
mod services;
mod totp;
mod wait;

pub use accounts::{Login, SignedIn, TEST_PASSWORD, TestAccounts, Tokens};
pub use logs::{LogCapture, capture as capture_logs};
pub use mailbox::{Caught, Mailbox, SMTP_DIR_ENV, SMTP_URL_ENV, unique_email};
pub use problem::AssertProblem;
pub use services::{Service, in_ci, require_service};
pub use totp::Authenticator;
pub use wait::{POLL_INTERVAL, wait_for, wait_until};

use std::sync::Arc;

use diesel::prelude::*;
use diesel::{PgConnection, sql_query};
use diesel_migrations::MigrationHarness;
use poem::endpoint::BoxEndpoint;
use poem::test::TestClient;

use crate::config::{Backend, Settings};
use crate::db::MIGRATIONS_POSTGRES;
use crate::http::app::HttpApp;
use crate::module::PlatformContext;
use crate::observability::BuildInfo;

/// Environment variable naming the PostgreSQL admin URL for tests.
pub const POSTGRES_ENV: &str = "HAVEN_TEST_POSTGRES_URL";

const TEMPLATE_LOCK: i64 = 0x4841_5645_4e54; // "HAVENT": serializes template builds

/// Build info the test apps report.
pub const TEST_BUILD: BuildInfo = BuildInfo {
    version: "0.0.0-test",
    commit: "test",
};

/// A database that exists for one test and is dropped after it.
pub struct TestDb {
    /// Connection URL of the fresh database.
    pub url: String,
    backend: Backend,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

impl std::fmt::Debug for TestDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestDb")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl TestDb {
    /// A fresh, migrated database on the backend the environment selects.
    pub fn fresh(migrated: bool) -> Self {
        match std::env::var(POSTGRES_ENV).ok().filter(|u| !u.is_empty()) {
            Some(admin) => Self::postgres(&admin, migrated),
            None => Self::sqlite(),
        }
    }

    /// Which backend this database uses.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The admin URL when on PostgreSQL.
    pub fn postgres_admin_url(&self) -> Option<&str> {
        self.postgres.as_ref().map(|(admin, _)| admin.as_str())
    }

    /// The database name when on PostgreSQL.
    pub fn postgres_name(&self) -> Option<&str> {
        self.postgres.as_ref().map(|(_, name)| name.as_str())
    }

    fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("create a temp dir for the test database");
        let url = format!("sqlite://{}", dir.path().join("haven.db").display());
        Self {
            url,
            backend: Backend::Sqlite,
            _dir: Some(dir),
            postgres: None,
        }
    }

    /// A fresh PostgreSQL database next to `admin` (an admin URL), whatever the
    /// environment says; for benchmarks and multi-node tests.
    pub fn fresh_postgres(admin: &str) -> Self {
        Self::postgres(admin, true)
    }

    fn postgres(admin: &str, migrated: bool) -> Self {
        let mut conn = PgConnection::establish(admin)
            .unwrap_or_else(|e| panic!("{POSTGRES_ENV} is set but PostgreSQL is unreachable: {e}"));
        let name = format!("haven_test_{}", uuid::Uuid::now_v7().simple());
        let template = template_name();
        sql_query(format!("SELECT pg_advisory_lock({TEMPLATE_LOCK})"))
            .execute(&mut conn)
            .expect("take the template lock");
        if migrated {
            ensure_template(&mut conn, admin, &template);
            sql_query(format!(
                "CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""
            ))
            .execute(&mut conn)
            .expect("clone the template database");
        } else {
            sql_query(format!("CREATE DATABASE \"{name}\""))
                .execute(&mut conn)
                .expect("create db");
        }
        sql_query(format!("SELECT pg_advisory_unlock({TEMPLATE_LOCK})"))
            .execute(&mut conn)
            .expect("release the template lock");
        Self {
            url: with_database(admin, &name),
            backend: Backend::Postgres,
            _dir: None,
            postgres: Some((admin.to_owned(), name)),
        }
    }
}

/// The template's name: the build script's fingerprint of the migration files plus the
/// names of the migrations embedded in this binary. Worktrees that share one target
/// directory can run a build script whose output another checkout produced; the embedded
/// names keep such a binary from reusing a template of another migration set.
fn template_name() -> String {
    use diesel::migration::MigrationSource;
    use std::hash::{DefaultHasher, Hash, Hasher};

    let mut hasher = DefaultHasher::new();
    env!("HAVEN_PG_MIGRATIONS_HASH").hash(&mut hasher);
    let migrations = MigrationSource::<diesel::pg::Pg>::migrations(&MIGRATIONS_POSTGRES)
        .expect("list the embedded PostgreSQL migrations");
    for migration in migrations {
        migration.name().to_string().hash(&mut hasher);
    }
    format!("haven_tpl_{:016x}", hasher.finish())
}

fn exists(conn: &mut PgConnection, name: &str) -> bool {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    sql_query("SELECT count(*) AS n FROM pg_database WHERE datname = $1")
        .bind::<diesel::sql_types::Text, _>(name)
        .get_result::<Count>(conn)
        .map(|c| c.n > 0)
        .expect("query pg_database")
}

/// Builds the template under a temporary name and renames it when complete, so a test
/// process killed half-way never leaves a half-migrated template behind.
fn ensure_template(conn: &mut PgConnection, admin: &str, template: &str) {
    if exists(conn, template) {
        return;
    }
    let building = format!("{template}_building");
    sql_query(format!(
        "DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)"
    ))
    .execute(conn)
    .expect("drop a stale template build");
    sql_query(format!("CREATE DATABASE \"{building}\""))
        .execute(conn)
        .expect("create template");
    {
        let mut tpl = PgConnection::establish(&with_database(admin, &building))
            .expect("connect to the template database");
        tpl.run_pending_migrations(MIGRATIONS_POSTGRES)
            .expect("migrate the template database");
    }
    sql_query(format!(
        "ALTER DATABASE \"{building}\" RENAME TO \"{template}\""
    ))
    .execute(conn)
    .expect("publish the template database");
}

/// `postgres://u@h:p/old?x` → `postgres://u@h:p/{name}?x`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let root = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{root}/{name}?{q}"),
        None => format!("{root}/{name}"),
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.postgres
            && let Ok(mut conn) = PgConnection::establish(admin)
        {
            let _ = sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .execute(&mut conn);
        }
    }
}

/// A fully wired app on its own database, driven through `poem::test::TestClient`.
pub struct TestApp {
    /// The context the app was built with (settings, pools, health).
    pub ctx: PlatformContext,
    /// Sends requests through the whole middleware stack.
    pub client: TestClient<BoxEndpoint<'static>>,
    /// The OpenAPI document of the app.
    pub spec_json: String,
    /// The test's database (dropped with the app).
    pub db: TestDb,
    /// The test's files (`content.media.dir` unless the test set one), removed with the
    /// app.
    pub files: tempfile::TempDir,
    accounts: Option<Arc<dyn TestAccounts>>,
}

/// Closes the pools before the database is dropped and the process exits: the app's
/// context lives on in the runtime's tasks (and in the modules' handles to each other),
/// so its pools are not dropped with the test (see [`crate::Db::close`]).
impl Drop for TestApp {
    fn drop(&mut self) {
        self.ctx.db.close();
    }
}

impl std::fmt::Debug for TestApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestApp")
            .field("db", &self.db)
            .finish_non_exhaustive()
    }
}

/// Configures a [`TestApp`].
pub struct TestAppBuilder {
    settings: Settings,
    migrated: bool,
    modules: Vec<Arc<dyn crate::module::ModuleInfo>>,
    accounts: Option<Arc<dyn TestAccounts>>,
}

impl TestApp {
    /// Starts configuring a test app.
    pub fn builder() -> TestAppBuilder {
        let mut settings = Settings::default();
        settings.server.addr = ([127, 0, 0, 1], 0).into();
        settings.server.admin_addr = ([127, 0, 0, 1], 0).into();
        settings.server.drain_delay_ms = 0;
        settings.server.shutdown_grace_ms = 5_000;
        // Clinical notes need a master key; each test app gets its own.
        settings.care.notes.master_keys = vec![random_named_key("test")];
        TestAppBuilder {
            settings,
            migrated: true,
            modules: Vec::new(),
            accounts: None,
        }
    }
}

/// A fresh random 32-byte key named `id` (tests of key rotation make their own ring).
pub fn random_named_key(id: &str) -> crate::config::NamedKey {
    use base64::Engine as _;
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).expect("the OS random generator");
    crate::config::NamedKey {
        id: id.to_owned(),
        secret: crate::config::Secret::new(base64::engine::general_purpose::STANDARD.encode(key)),
    }
}

impl TestAppBuilder {
    /// Changes settings before the app is built (the database URL is set by the harness).
    #[must_use]
    pub fn settings(mut self, f: impl FnOnce(&mut Settings)) -> Self {
        f(&mut self.settings);
        self
    }

    /// Leaves the database empty (no migrations applied).
    #[must_use]
    pub fn unmigrated(mut self) -> Self {
        self.migrated = false;
        self
    }

    /// Mounts a test-only module next to the app's: it is listed in the context's module
    /// directory (so account export and erasure call its hooks), after the real ones.
    #[must_use]
    pub fn module(mut self, module: Arc<dyn crate::module::ModuleInfo>) -> Self {
        self.modules.push(module);
        self
    }

    /// Installs the port the signed-in fixtures create and sign in accounts with
    /// (`haven_app::testing::builder()` installs the app's).
    #[must_use]
    pub fn accounts(mut self, accounts: Arc<dyn TestAccounts>) -> Self {
        self.accounts = Some(accounts);
        self
    }

    /// Builds the app with `wire` (usually `haven_app::wiring::build_app`).
    pub async fn build(self, wire: impl FnOnce(&PlatformContext) -> HttpApp) -> TestApp {
        let migrated = self.migrated;
        let db = tokio::task::spawn_blocking(move || TestDb::fresh(migrated))
            .await
            .expect("create the test database");
        let mut settings = self.settings;
        settings.database.url = db.url.clone();
        let files = tempfile::tempdir().expect("create a temp dir for the test's files");
        if settings.content.media.dir == crate::config::MediaSettings::default().dir {
            settings.content.media.dir = files.path().join("media");
        }
        let ctx = PlatformContext::new(settings, TEST_BUILD).expect("build the platform context");
        if migrated && db.backend() == Backend::Sqlite {
            crate::db::run_migrations(&ctx.db)
                .await
                .expect("migrate the test database");
        }
        for module in self.modules {
            ctx.modules.add_test_module(module);
        }
        let app = wire(&ctx);
        TestApp {
            ctx,
            client: TestClient::new(app.endpoint),
            spec_json: app.spec_json,
            db,
            files,
            accounts: self.accounts,
        }
    }
}
