//! The composition root: builds the modules from the platform context, adapts one
//! domain's ports to another's services, and composes the HTTP app.

use std::sync::Arc;

use haven_platform::PlatformContext;
use haven_platform::http::app::{self, HttpApp};
use haven_platform::jobs::Registry;
use haven_platform::observability::BuildInfo;
use poem_openapi::OpenApi;

use crate::meta::MetaApi;
use crate::modules::Modules;

/// Version and commit of this binary.
pub const BUILD: BuildInfo = BuildInfo {
    version: env!("CARGO_PKG_VERSION"),
    commit: env!("HAVEN_GIT_COMMIT"),
};

/// Constructs every module and lists them in the context's module directory (identity
/// runs every module's export and erasure through it). Ports are adapted here (RFC 0001
/// rule 2).
pub fn modules(ctx: &PlatformContext) -> Modules {
    let modules = Modules {
        identity: Arc::new(haven_identity::IdentityModule::new(ctx)),
    };
    ctx.modules.install(modules.shared());
    modules
}

/// The fully wired public app.
pub fn build_app(ctx: &PlatformContext) -> HttpApp {
    build_app_with(ctx, ())
}

/// The job and event handlers and schedules of every mounted module, for the workers.
pub fn job_registry(ctx: &PlatformContext) -> Registry {
    let modules = modules(ctx);
    let mut registry = Registry::new();
    for module in modules.all() {
        registry.add_module(module);
    }
    registry
}

/// The fully wired app plus `extra` operations (tests mount probe endpoints this way).
pub fn build_app_with<A: OpenApi + 'static>(ctx: &PlatformContext, extra: A) -> HttpApp {
    let modules = modules(ctx);
    let api = (MetaApi::new(ctx, modules.names()), modules.api(), extra);
    let app = app::build(ctx, api, modules.routes(poem::Route::new()));
    with_bench_baseline(app)
}

/// The OpenAPI document of the fully wired app.
pub fn openapi_json(ctx: &PlatformContext) -> String {
    build_app(ctx).spec_json
}

#[cfg(not(feature = "bench-baseline"))]
fn with_bench_baseline(app: HttpApp) -> HttpApp {
    app
}

/// Mounts `GET /__bench/baseline`, a bare poem handler outside every middleware, so
/// `bench/run` can compare the full stack against the framework alone.
#[cfg(feature = "bench-baseline")]
fn with_bench_baseline(app: HttpApp) -> HttpApp {
    use poem::{EndpointExt, IntoEndpoint};

    #[poem::handler]
    fn baseline() -> poem::web::Json<serde_json::Value> {
        poem::web::Json(serde_json::json!({"name": "haven", "baseline": true}))
    }

    let endpoint = poem::Route::new()
        .at("/__bench/baseline", poem::get(baseline))
        .nest("/", app.endpoint)
        .into_endpoint()
        .boxed();
    HttpApp {
        endpoint,
        spec_json: app.spec_json,
    }
}
