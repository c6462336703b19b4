//! Composes the public HTTP app: the modules' APIs, health, the OpenAPI document and
//! docs UI, and the middleware stack, in one place so every endpoint gets the same
//! conventions.

use std::sync::Arc;
use std::time::Duration;

use poem::endpoint::BoxEndpoint;
use poem::middleware::Cors;
use poem::{EndpointExt, Route};
use poem_openapi::{OpenApi, OpenApiService};

use super::client_ip::TrustedProxies;
use super::contract;
use super::dispatch::Dispatch;
use super::middleware::envelope::{Envelope, ErrorsAsProblems};
use super::middleware::limits::Limits;
use super::operations::{Documented, Operations};
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

/// The document of `A` with the health operations, for the spec and the docs UI.
fn document<A: OpenApi + 'static>(
    ctx: &PlatformContext,
) -> OpenApiService<Documented<(HealthApi, A)>, ()> {
    OpenApiService::new(Documented::default(), API_TITLE, ctx.build.version)
        .description(API_DESCRIPTION)
        .server("/")
}

/// The document's description: the conventions every operation follows, stated in full
/// because readers of the document see nothing else.
pub const API_DESCRIPTION: &str = "\
Haven's public API. Every operation follows these conventions.

**Authentication.** Operations marked with the `bearer` security scheme need \
`Authorization: Bearer <access token>` (a short-lived JWT from `identityLogin`). A missing, \
invalid or expired token is answered `401` with `WWW-Authenticate: Bearer`, before any other \
header or body of the request is looked at. Authenticated but not allowed is `403`; a \
resource that belongs to someone else is `404`. Tokens are never accepted in the query.

**Errors.** Every 4xx and 5xx body is an RFC 9457 problem (`application/problem+json`, \
schema `Problem`) with a stable machine-readable `code` and the `request_id` to quote to \
support. Each problem response lists the codes it can answer in `x-problem-codes`, and the \
operation's problem schema (`<OperationId>Problem`) enumerates all of them, so clients can \
rely on the list. `400`: malformed request (bad JSON, wrong types, unknown \
fields or enum values); `422`: well-formed but invalid values, with one `errors` entry per \
field; `409`: conflict with the current state; `413`: body too large; `415`: wrong content \
type; `429`: rate limited (with `Retry-After`); `503`: overloaded (with `Retry-After`).

**Constraints.** Every limit the server enforces (lengths, ranges, patterns, enums, formats) \
is in the schemas; a request valid against them is not refused as invalid, except for rules \
no schema can express, which the field's description names (an IANA time-zone name must \
exist).

**Lists.** Cursor pagination: `limit` (1 to 100, default 20; outside that range is `422`) \
and `cursor` (opaque: the previous page's `next_cursor`). A page is \
`{ \"items\": [...], \"next_cursor\": \"...\" | null }`; `null` means the last page. Order \
is stable, so pages never repeat or skip items.

**Idempotency.** Operations that create something or move state take an \
`Idempotency-Key` header (1 to 255 printable ASCII characters, e.g. a UUID). A retry with \
the same key within 24 hours gets the first response again (`Idempotent-Replayed: true`); \
the same key with another request is `422 idempotency_key_reused`; while the first is \
running, `409 idempotency_key_in_use`.

**Ids.** Ids are TypeIDs: a type prefix, `_`, then 26 base32 characters \
(`usr_01h455vb4pex5vsknk084sn02q`). An id with the wrong prefix is `400`; an unknown one \
`404`.

**Nullability.** One rule for every schema: an optional field is always sent, as `null` \
when it has no value, and is declared `nullable`. In request bodies an optional field may \
be left out or sent as `null`.

**Values.** Timestamps are RFC 3339 in UTC with `Z` (`2026-11-26T09:30:00Z`); time zones \
are IANA names (`America/New_York`); locales are BCP 47 tags (`en-US`). JSON fields are \
`snake_case`.

**Caching.** Answers that carry tokens or secrets send `Cache-Control: no-store`; \
member-specific reads send `Cache-Control: private`. Both are declared on the responses.";

/// Response headers a browser app on an allowed origin may read (CORS
/// `Access-Control-Expose-Headers`): what clients need to retry, pace themselves, spot a
/// replay, quote a request and cache.
pub const EXPOSED_HEADERS: [&str; 7] = [
    "x-request-id",
    "retry-after",
    "ratelimit-limit",
    "ratelimit-remaining",
    "ratelimit-reset",
    "idempotent-replayed",
    "etag",
];

/// Builds the app: `api` (the modules' APIs, as a tuple) plus `extra` routes.
pub fn build<A: OpenApi + 'static>(ctx: &PlatformContext, api: A, extra: Route) -> HttpApp {
    let document = document::<A>(ctx);
    let spec_json = contract::finish(&document.spec());
    let table = serde_json::from_str(&spec_json)
        .map(|v| RouteTable::from_spec(&v))
        .unwrap_or_default();
    let docs = document.scalar();
    let served = spec_json.clone();
    let spec_endpoint = poem::endpoint::make_sync(move |_| {
        poem::Response::builder()
            .content_type("application/json")
            .body(served.clone())
    });
    let operations = Operations::new((HealthApi::new(ctx.health.clone()), api));
    let routes = extra
        .at("/openapi.json", spec_endpoint)
        .nest("/docs", docs)
        .nest("/", operations.service());
    let routes = Dispatch::new(&table, operations, routes);

    let server = &ctx.settings.server;
    let table = Arc::new(table);
    // Validated with the settings at start-up; an invalid list cannot reach here.
    let proxies = TrustedProxies::parse(&server.trusted_proxies).unwrap_or_default();
    // Innermost first. Idempotency sits inside the body limit (it buffers bounded
    // bodies) and runs the endpoint to completion in its own task under the request
    // timeout, so a claimed key always ends stored or released, even when the client or
    // the timeout gives up first or the handler panics.
    let inner = routes
        .with(Idempotency::new(
            ctx.db.clone(),
            ctx.auth.clone(),
            &ctx.settings,
            Arc::clone(&table),
            ctx.node,
        ))
        // Also adds the context's `Auth`, which the bearer checker verifies with.
        .with(
            Limits::new(
                Duration::from_millis(server.request_timeout_ms),
                server.max_body_bytes,
                ctx.auth.clone(),
            )
            .streaming(MEDIA_UPLOADS, ctx.settings.content.media.max_upload_bytes),
        );
    let envelope = Envelope::new(Arc::clone(&table), proxies);
    let endpoint = if server.cors_origins.is_empty() {
        // Without CORS the envelope turns errors into problems itself: the same answers
        // with one layer less on every request.
        inner.with(envelope).boxed()
    } else {
        let cors = server
            .cors_origins
            .iter()
            .fold(Cors::new(), |cors, origin| {
                cors.allow_origin(origin.as_str())
            })
            .expose_headers(EXPOSED_HEADERS);
        inner
            .with(ErrorsAsProblems::new(table))
            .with(cors)
            .with(envelope)
            .boxed()
    };
    HttpApp {
        endpoint,
        spec_json,
    }
}

/// Where content's media uploads are: their bodies stream to storage instead of being
/// buffered under `server.max_body_bytes`, limited by `content.media.max_upload_bytes`.
pub const MEDIA_UPLOADS: &str = "/v1/content/admin/media/";

/// The problem a panicking handler is answered with.
pub(crate) fn panicked() -> ProblemError {
    ProblemError::new(poem::http::StatusCode::INTERNAL_SERVER_ERROR, "internal")
        .with_detail("An unexpected error occurred; quote the request_id to support.")
}
