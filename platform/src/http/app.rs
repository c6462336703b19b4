//! Composes the public HTTP app: the modules' APIs, health, the OpenAPI document and
//! docs UI, and the middleware stack, in one place so every endpoint gets the same
//! conventions.

use std::sync::Arc;
use std::time::Duration;

use poem::endpoint::BoxEndpoint;
use poem::middleware::{CatchPanic, Cors};
use poem::{EndpointExt, Route};
use poem_openapi::{OpenApi, OpenApiService};

use super::client_ip::TrustedProxies;
use super::middleware::body_limit::BodyLimit;
use super::middleware::envelope::Envelope;
use super::middleware::timeout::Timeout;
use super::problem::ProblemError;
use super::routes::RouteTable;
use crate::health::HealthApi;
use crate::idempotency::Idempotency;
use crate::module::PlatformContext;

/// Title of the OpenAPI document.
pub const API_TITLE: &str = "Haven API";

/// The public app, ready to serve.
pub struct HttpApp {
    /// Every route behind the middleware stack.
    pub endpoint: BoxEndpoint<'static>,
    /// The OpenAPI document served at `/openapi.json`.
    pub spec_json: String,
}

fn service<A: OpenApi + 'static>(
    ctx: &PlatformContext,
    api: A,
) -> OpenApiService<(HealthApi, A), ()> {
    OpenApiService::new(
        (HealthApi::new(ctx.health.clone()), api),
        API_TITLE,
        ctx.build.version,
    )
    .description(
        "Haven's public API. Errors are RFC 9457 problem details \
             (`application/problem+json`); see RFC 0002 for the conventions.",
    )
    .server("/")
}

/// Builds the app: `api` (the modules' APIs, as a tuple) plus `extra` routes.
pub fn build<A: OpenApi + 'static>(ctx: &PlatformContext, api: A, extra: Route) -> HttpApp {
    let service = service(ctx, api);
    let spec_json = service.spec();
    let table = serde_json::from_str(&spec_json)
        .map(|v| RouteTable::from_spec(&v))
        .unwrap_or_default();
    let docs = service.scalar();
    let spec_endpoint = service.spec_endpoint();
    let routes = extra
        .at("/openapi.json", spec_endpoint)
        .nest("/docs", docs)
        .nest("/", service);

    let server = &ctx.settings.server;
    let cors = server
        .cors_origins
        .iter()
        .fold(Cors::new(), |cors, origin| {
            cors.allow_origin(origin.as_str())
        })
        .expose_header("x-request-id");
    let table = Arc::new(table);
    // Validated with the settings at start-up; an invalid list cannot reach here.
    let proxies = TrustedProxies::parse(&server.trusted_proxies).unwrap_or_default();
    // Innermost first. Idempotency sits inside BodyLimit (it buffers bounded bodies) and
    // runs the endpoint to completion in its own task under the request timeout, so a
    // claimed key always ends stored or released, even when the client or the Timeout
    // layer gives up first or the handler panics.
    let endpoint = routes
        // The bearer checker verifies with the context's keys.
        .data(ctx.auth.clone())
        .with(Idempotency::new(
            ctx.db.clone(),
            ctx.auth.clone(),
            &ctx.settings,
            Arc::clone(&table),
            ctx.node,
        ))
        .with(BodyLimit::new(server.max_body_bytes))
        .with(Timeout::new(Duration::from_millis(
            server.request_timeout_ms,
        )))
        .with(CatchPanic::new().with_handler(|_| {
            // The panic message may hold internals; the log line carries the request id.
            tracing::error!("handler panicked");
            panicked().to_response()
        }))
        .with_if(!server.cors_origins.is_empty(), cors)
        .with(Envelope::new(table, proxies))
        .boxed();
    HttpApp {
        endpoint,
        spec_json,
    }
}

/// The problem a panicking handler is answered with.
pub(crate) fn panicked() -> ProblemError {
    ProblemError::new(poem::http::StatusCode::INTERNAL_SERVER_ERROR, "internal")
        .with_detail("An unexpected error occurred; quote the request_id to support.")
}
