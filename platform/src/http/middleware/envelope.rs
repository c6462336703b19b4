//! The outermost middleware: gives each request an id and a span (joined to the caller's
//! W3C trace), turns every error into a problem response, adds security headers, and
//! writes one access-log line and the RED metrics.

use std::sync::Arc;
use std::time::Instant;

use futures_util::FutureExt;
use poem::PathPattern;
use poem::http::{HeaderName, HeaderValue, StatusCode, header};
use poem::{Endpoint, IntoResponse, Middleware, Request, Response, Result};
use tracing::Instrument;

use crate::http::client_ip::TrustedProxies;
use crate::http::problem::{PROBLEM_JSON, ProblemError, code_for, from_poem_error};
use crate::http::request_id;
use crate::http::routes::RouteTable;
use crate::observability::metrics::RequestMetrics;
use crate::observability::trace_context;

/// Route label of requests that matched no route, so unknown paths cannot blow up the
/// metrics' cardinality.
const UNMATCHED: &str = "unmatched";

/// A `HeaderName` constant: a `&str` key is parsed on every lookup (every request).
const FORWARDED_PROTO: HeaderName = HeaderName::from_static("x-forwarded-proto");

/// The envelope middleware.
#[derive(Debug, Clone)]
pub struct Envelope {
    routes: Arc<RouteTable>,
    metrics: Arc<RequestMetrics>,
    proxies: Arc<TrustedProxies>,
}

impl Envelope {
    /// Uses `routes` for `Allow` headers and hands `proxies` to the
    /// [`ClientIp`](crate::http::client_ip::ClientIp) extractor.
    pub fn new(routes: Arc<RouteTable>, proxies: TrustedProxies) -> Self {
        Self {
            routes,
            metrics: Arc::default(),
            proxies: Arc::new(proxies),
        }
    }
}

impl<E: Endpoint> Middleware<E> for Envelope {
    type Output = EnvelopeEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        EnvelopeEndpoint {
            inner,
            routes: Arc::clone(&self.routes),
            metrics: Arc::clone(&self.metrics),
            proxies: Arc::clone(&self.proxies),
        }
    }
}

/// Endpoint produced by [`Envelope`].
pub struct EnvelopeEndpoint<E> {
    inner: E,
    routes: Arc<RouteTable>,
    metrics: Arc<RequestMetrics>,
    proxies: Arc<TrustedProxies>,
}

impl<E: Endpoint> Endpoint for EnvelopeEndpoint<E> {
    type Output = Response;

    // Not an `async fn`: the inner chain's future is built once, in place, inside
    // combinators that poll it where it lies. An `async fn` holds the request by value
    // next to that future and copies the future into its own state, or into a box
    // (issue 9: kilobytes of memcpy per request).
    fn call(&self, mut req: Request) -> impl Future<Output = Result<Response>> + Send {
        let started = Instant::now();
        // Here rather than in a data layer of its own: one layer less on every request.
        req.extensions_mut().insert(Arc::clone(&self.proxies));
        let id = request_id::accept_or_generate(req.headers().get(request_id::HEADER_NAME));
        let method = req.method().clone();
        let https = req
            .headers()
            .get(FORWARDED_PROTO)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
        let span = tracing::info_span!(
            "request",
            method = %method,
            route = tracing::field::Empty,
            request_id = id.to_str().unwrap_or_default(),
            trace_id = tracing::field::Empty,
        );
        let trace_id = trace_context::join_caller_trace(&span, req.headers());

        let routes = &*self.routes;
        // Inside the request id's scope and the span: problem bodies quote the id.
        let answered = self.inner.call(req).map(move |result| match result {
            Ok(out) => {
                let resp = out.into_response();
                let route = route_of(resp.data::<PathPattern>(), routes);
                (problem_if_plain_error(resp), route)
            }
            Err(err) => {
                let route = route_of(err.data::<PathPattern>(), routes);
                (error_response(err, route.as_deref(), routes), route)
            }
        });
        let metrics = &*self.metrics;
        request_id::scope(id.clone(), answered)
            .instrument(span.clone())
            .map(move |(mut resp, route)| {
                let headers = resp.headers_mut();
                headers.insert(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                );
                headers.insert(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("no-referrer"),
                );
                headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
                if https {
                    headers.insert(
                        header::STRICT_TRANSPORT_SECURITY,
                        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
                    );
                }

                let status = resp.status();
                let route = route.unwrap_or_else(|| Arc::from(UNMATCHED));
                let elapsed = started.elapsed();
                span.record("route", &*route);
                // Only the template, never the raw path or query: those can carry ids and
                // tokens. Emitted outside the span so each field is printed once.
                tracing::info!(
                    target: "haven::http",
                    parent: None,
                    method = %method,
                    route = %route,
                    status = status.as_u16(),
                    latency_ms = elapsed.as_secs_f64() * 1000.0,
                    request_id = id.to_str().unwrap_or_default(),
                    trace_id = trace_id.as_deref().unwrap_or(""),
                    "request"
                );
                metrics.record(&method, &route, status, elapsed);
                resp.headers_mut().insert(request_id::HEADER_NAME, id);
                Ok(resp)
            })
    }
}

/// Turns the inner chain's errors (a refused bearer token, a parse failure, an unknown
/// route) into problem responses *inside* the CORS layer, so they carry its headers: a
/// browser app must be able to read a `401` to refresh its token.
#[derive(Debug, Clone)]
pub struct ErrorsAsProblems {
    routes: Arc<RouteTable>,
}

impl ErrorsAsProblems {
    /// Uses `routes` for `Allow` headers.
    pub fn new(routes: Arc<RouteTable>) -> Self {
        Self { routes }
    }
}

impl<E: Endpoint> Middleware<E> for ErrorsAsProblems {
    type Output = ErrorsAsProblemsEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        ErrorsAsProblemsEndpoint {
            inner,
            routes: Arc::clone(&self.routes),
        }
    }
}

/// Endpoint produced by [`ErrorsAsProblems`].
pub struct ErrorsAsProblemsEndpoint<E> {
    inner: E,
    routes: Arc<RouteTable>,
}

impl<E: Endpoint> Endpoint for ErrorsAsProblemsEndpoint<E> {
    type Output = Response;

    async fn call(&self, req: Request) -> Result<Response> {
        match self.inner.call(req).await {
            Ok(out) => Ok(out.into_response()),
            Err(err) => {
                let pattern = err.data::<PathPattern>().cloned();
                let route = route_of(pattern.as_ref(), &self.routes);
                let mut resp = error_response(err, route.as_deref(), &self.routes);
                // The envelope labels the request's metrics with the matched route.
                if let Some(pattern) = pattern {
                    resp.set_data(pattern);
                }
                Ok(resp)
            }
        }
    }
}

/// The OpenAPI-style template of the matched route; `None` when nothing but the
/// catch-all matched.
pub(crate) fn route_of(pattern: Option<&PathPattern>, routes: &RouteTable) -> Option<Arc<str>> {
    pattern
        .filter(|p| !p.0.is_empty() && &*p.0 != "/*")
        .map(|p| routes.template(&p.0))
}

pub(crate) fn error_response(
    err: poem::Error,
    route: Option<&str>,
    routes: &RouteTable,
) -> Response {
    if err.is::<ProblemError>() {
        return err.into_response();
    }
    let mut problem = from_poem_error(&err);
    if err.status() == StatusCode::METHOD_NOT_ALLOWED
        && let Some(allow) = route.and_then(|r| routes.allow(r))
    {
        problem = problem
            .with_detail(format!("this path accepts {allow}"))
            .with_header(
                header::ALLOW,
                HeaderValue::from_str(allow).unwrap_or(HeaderValue::from_static("GET")),
            );
    }
    problem.to_response()
}

/// Error responses that some layer produced without a problem body (CORS rejections,
/// poem internals) get one, so clients parse every error the same way.
pub(crate) fn problem_if_plain_error(resp: Response) -> Response {
    let status = resp.status();
    let is_problem = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return resp;
    }
    let mut problem = ProblemError::new(status, code_for(status))
        .with_detail(status.canonical_reason().unwrap_or("error"));
    for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(v) = resp.headers().get(&name) {
            problem = problem.with_header(name, v.clone());
        }
    }
    problem.to_response()
}
