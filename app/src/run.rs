//! What each subcommand does.

use std::process::ExitCode;
use std::time::Duration;

use haven_identity::RegisterError;
use haven_identity::accounts::model::RegisterInput;
use haven_platform::auth::{Role, dev_keys};
use haven_platform::config::Settings;
use haven_platform::db::{migrations_pending, run_migrations};
use haven_platform::jobs::Runtime;
use haven_platform::module::Seeded;
use haven_platform::server::{self, shutdown_signal};
use haven_platform::{PlatformContext, nodes, observability};

use crate::cli::{AdminAction, Cli, Command, ConfigAction};
use crate::wiring::{self, BUILD};

/// Runs the CLI; the exit code says whether it worked.
pub fn main(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Openapi { out } => openapi(out.as_deref()),
        Command::Config {
            action: ConfigAction::Check,
        } => config_check(cli.config.as_deref()),
        Command::Migrate => with_runtime(cli.config.as_deref(), migrate),
        Command::Admin {
            action:
                AdminAction::CreateUser {
                    email,
                    roles,
                    display_name,
                },
        } => with_runtime(cli.config.as_deref(), move |ctx| {
            create_user(ctx, email, roles, display_name)
        }),
        Command::Seed => with_runtime(cli.config.as_deref(), seed),
        Command::Serve => with_runtime_prepared(
            cli.config.as_deref(),
            |settings| dev_keys::fill_from_data_dir(settings).map(drop),
            serve,
        ),
    }
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::FAILURE
}

fn openapi(out: Option<&std::path::Path>) -> ExitCode {
    // The document depends on code only, so default settings do; building the context
    // opens no database connection.
    let ctx = match PlatformContext::new(Settings::default(), BUILD) {
        Ok(ctx) => ctx,
        Err(e) => return fail(e),
    };
    let json = pretty(&wiring::openapi_json(&ctx));
    match out {
        Some(path) => match std::fs::write(path, json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(format!("cannot write {}: {e}", path.display())),
        },
        None => {
            print!("{json}");
            ExitCode::SUCCESS
        }
    }
}

/// Re-indents the document with a trailing newline, so the committed copy diffs well.
pub fn pretty(spec: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(spec) {
        Ok(v) => serde_json::to_string_pretty(&v)
            .map(|s| s + "\n")
            .unwrap_or_else(|_| spec.into()),
        Err(_) => spec.to_owned(),
    }
}

fn config_check(file: Option<&std::path::Path>) -> ExitCode {
    match Settings::load(file).and_then(|s| s.redacted_toml()) {
        Ok(toml) => {
            print!("{toml}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

/// Runs a subcommand that needs settings, telemetry, a runtime and a platform context.
fn with_runtime<F, Fut>(file: Option<&std::path::Path>, f: F) -> ExitCode
where
    F: FnOnce(PlatformContext) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    with_runtime_prepared(file, |_| Ok(()), f)
}

/// [`with_runtime`] with `prepare` applied to the settings once telemetry is up (so its
/// warnings are logged) and before the context is built from them.
fn with_runtime_prepared<P, F, Fut>(file: Option<&std::path::Path>, prepare: P, f: F) -> ExitCode
where
    P: FnOnce(&mut Settings) -> anyhow::Result<()>,
    F: FnOnce(PlatformContext) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let mut settings = match Settings::load(file) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let _telemetry = match observability::init(&settings.telemetry) {
        Ok(guard) => guard,
        Err(e) => return fail(format!("telemetry: {e}")),
    };
    if let Err(e) = prepare(&mut settings) {
        return fail(format!("{e:#}"));
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(format!("cannot start the async runtime: {e}")),
    };
    let (result, db) = runtime.block_on(async move {
        let ctx = match PlatformContext::new(settings, BUILD) {
            Ok(ctx) => ctx,
            Err(e) => return (Err(e), None),
        };
        let db = ctx.db.clone();
        (f(ctx).await, Some(db))
    });
    if let Some(db) = db {
        db.close();
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "haven stopped with an error");
            fail(format!("{e:#}"))
        }
    }
}

async fn create_user(
    ctx: PlatformContext,
    email: String,
    roles: Vec<String>,
    display_name: Option<String>,
) -> anyhow::Result<()> {
    let roles = roles
        .iter()
        .map(|r| {
            serde_json::from_value::<Role>(serde_json::Value::String(r.to_lowercase())).map_err(
                |_| anyhow::anyhow!("--role {r}: not one of member, coach, clinician, admin"),
            )
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let password = match std::env::var("HAVEN_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    prepare_schema(&ctx).await?;
    let modules = wiring::modules(&ctx);
    let service = modules.identity.service();
    let input = RegisterInput {
        email,
        password,
        display_name,
    };
    match service.create_user(input, roles).await {
        Ok(user) => {
            println!("{}", user.id);
            Ok(())
        }
        Err(RegisterError::Invalid(problems)) => {
            let reasons: Vec<String> = problems.0.into_iter().map(|p| p.message).collect();
            anyhow::bail!("{}", reasons.join(" "))
        }
        Err(RegisterError::EmailTaken) => {
            anyhow::bail!("an account with this email address already exists")
        }
        Err(e) => Err(e.into()),
    }
}

/// Brings the schema up to date before a command uses it, as `serve` does: applies the
/// pending migrations, or, with `database.migrate_on_start=false`, stops with a message
/// naming `haven migrate` when one is pending (that setting means "migrations run in
/// their own step", so no other command applies them either).
async fn prepare_schema(ctx: &PlatformContext) -> anyhow::Result<()> {
    if ctx.settings.database.migrate_on_start {
        migrate_quietly(ctx).await
    } else if migrations_pending(&ctx.db).await? {
        anyhow::bail!(
            "the database schema is not current and database.migrate_on_start=false: run \
             `haven migrate` first"
        )
    } else {
        Ok(())
    }
}

async fn migrate_quietly(ctx: &PlatformContext) -> anyhow::Result<()> {
    let applied = run_migrations(&ctx.db).await?;
    if !applied.is_empty() {
        tracing::info!(count = applied.len(), "migrations applied");
    }
    Ok(())
}

/// `haven seed`: every module's demo data, after the migrations; a second run adds
/// nothing. Prints one line per module and the modules' notes (demo credentials).
async fn seed(ctx: PlatformContext) -> anyhow::Result<()> {
    prepare_schema(&ctx).await?;
    let modules = wiring::modules(&ctx);
    for module in modules.all() {
        let name = module.name();
        match module
            .seed()
            .await
            .map_err(|e| e.context(format!("seeding {name}")))?
        {
            Seeded::NothingToSeed => println!("{name}: nothing to seed"),
            Seeded::Done { created, notes } => {
                println!("{name}: {created} created");
                for note in notes {
                    println!("{note}");
                }
            }
        }
    }
    Ok(())
}

fn migrate(ctx: PlatformContext) -> std::pin::Pin<Box<dyn Future<Output = anyhow::Result<()>>>> {
    Box::pin(async move {
        let applied = run_migrations(&ctx.db).await?;
        tracing::info!(count = applied.len(), versions = ?applied, "migrations applied");
        Ok(())
    })
}

fn serve(ctx: PlatformContext) -> std::pin::Pin<Box<dyn Future<Output = anyhow::Result<()>>>> {
    Box::pin(async move {
        let handle = observability::metrics::install();
        observability::metrics::record_build_info(&ctx.build);
        drop(handle);
        tracing::info!(
            version = ctx.build.version,
            commit = ctx.build.commit,
            database = ctx.db.backend().name(),
            "starting haven"
        );
        // Without `migrate_on_start`, a pending migration keeps readiness false until
        // `haven migrate` runs (rolling deployments migrate in a separate step).
        if ctx.settings.database.migrate_on_start {
            migrate_quietly(&ctx).await?;
        }
        let signal = shutdown_signal()?;
        let bound = server::bind(&ctx)?;
        // Registered and heartbeating before the first request, so another node can
        // tell whether this one still holds its idempotency claims.
        let node = match nodes::register(&ctx.db, ctx.node, ctx.build.version).await {
            Ok(()) => Some((ctx.node, nodes::spawn_heartbeat(ctx.db.clone(), ctx.node))),
            Err(e) => {
                tracing::warn!(error = %e, "could not register this node");
                None
            }
        };
        let app = wiring::build_app(&ctx);
        let workers = ctx.settings.jobs.enabled.then(|| {
            Runtime::start(
                ctx.db.clone(),
                ctx.settings.jobs.clone(),
                wiring::job_registry(&ctx),
            )
        });
        bound.serve(&ctx, app, signal).await?;
        if let Some(workers) = workers {
            workers
                .shutdown(Duration::from_millis(ctx.settings.server.shutdown_grace_ms))
                .await;
        }
        if let Some((node, heartbeat)) = node {
            heartbeat.abort();
            if let Err(e) = nodes::deregister(&ctx.db, node).await {
                tracing::warn!(error = %e, "could not deregister this node");
            }
        }
        tracing::info!("haven stopped cleanly");
        Ok(())
    })
}
