//! One layer for the limits every request runs under, innermost last: a panic becomes a
//! `500` problem, a request running longer than `server.request_timeout_ms` a `503`, and a
//! body over `server.max_body_bytes` a `413` (at once from `Content-Length`; for chunked
//! bodies as soon as the bytes read pass the limit). It also hands every request the
//! context's [`Auth`] for the bearer checker.
//!
//! One layer rather than four (poem's `CatchPanic`, a timeout, a body limit, `.data`):
//! each layer's future holds the request and nests the next one, and those futures are
//! moved and boxed on every request (BENCHMARKS.md, issue 9).

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use futures_util::FutureExt;
use futures_util::future::{BoxFuture, Either};
use poem::http::{Method, StatusCode, header};
use poem::{Body, Endpoint, IntoResponse, Middleware, Request, Response, Result};

use crate::auth::Auth;
use crate::http::app::panicked;
use crate::http::problem::ProblemError;

/// The limits middleware.
#[derive(Debug, Clone)]
pub struct Limits {
    timeout: Duration,
    max_body: u64,
    auth: Auth,
    /// Paths under this prefix stream their bodies to the handler (media uploads), which
    /// enforces the second value itself; only a larger `Content-Length` is refused here.
    streamed: Option<(&'static str, u64)>,
}

impl Limits {
    /// Gives up on requests after `timeout`, rejects bodies over `max_body` bytes, and
    /// adds `auth` to every request's data.
    pub fn new(timeout: Duration, max_body: u64, auth: Auth) -> Self {
        Self {
            timeout,
            max_body,
            auth,
            streamed: None,
        }
    }

    /// Lets bodies of requests under `prefix` through unbuffered, up to `max` bytes as
    /// declared (the handler counts what it reads).
    #[must_use]
    pub fn streaming(mut self, prefix: &'static str, max: u64) -> Self {
        self.streamed = Some((prefix, max));
        self
    }
}

impl<E: Endpoint> Middleware<E> for Limits {
    type Output = LimitsEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        LimitsEndpoint {
            inner,
            limits: self.clone(),
        }
    }
}

/// Endpoint produced by [`Limits`].
pub struct LimitsEndpoint<E> {
    inner: E,
    limits: Limits,
}

impl<E: Endpoint> Endpoint for LimitsEndpoint<E> {
    type Output = Response;

    // The inner chain's future is boxed once, here: the timeout, panic and map wrappers
    // around it would each move it by value (callgrind: over a kilobyte of memcpy per
    // request), and the box above the envelope would copy it again. Boxed, each of those
    // moves a pointer.
    fn call(&self, mut req: Request) -> impl Future<Output = Result<Response>> + Send {
        req.extensions_mut().insert(self.limits.auth.clone());
        let timeout = self.limits.timeout;
        // The inner call runs the next layers' synchronous parts, which must not unwind
        // past this layer either.
        let inner = std::panic::catch_unwind(AssertUnwindSafe(|| match self.body_check(&req) {
            BodyCheck::Pass => self.inner.call(req).map(into_response).boxed(),
            BodyCheck::TooLarge(max) => ready_err(too_large(max)),
            BodyCheck::Buffer(max) => self.buffered(req, max).boxed(),
        }));
        let limited = match inner {
            Ok(inner) => Either::Left(
                AssertUnwindSafe(tokio::time::timeout(timeout, inner).map(move |r| match r {
                    Ok(result) => result,
                    Err(_) => {
                        tracing::warn!(limit_ms = timeout.as_millis() as u64, "request timed out");
                        Err(poem::Error::from(timed_out()))
                    }
                }))
                .catch_unwind(),
            ),
            Err(panic) => Either::Right(std::future::ready(Err(panic))),
        };
        limited.map(|caught| match caught {
            Ok(result) => result,
            Err(_) => {
                // The panic message may hold internals; the log line carries the request id.
                tracing::error!("handler panicked");
                Ok(panicked().to_response())
            }
        })
    }
}

/// What the body limit asks of a request before the endpoint sees it.
enum BodyCheck {
    /// Within the limit as declared, or without a body to read.
    Pass,
    /// Declares more than the limit: refused unread.
    TooLarge(u64),
    /// No length to trust: read up to the limit first.
    Buffer(u64),
}

fn into_response<T: IntoResponse>(result: Result<T>) -> Result<Response> {
    result.map(IntoResponse::into_response)
}

fn ready_err<'a>(err: poem::Error) -> BoxFuture<'a, Result<Response>> {
    std::future::ready(Err(err)).boxed()
}

impl<E: Endpoint> LimitsEndpoint<E> {
    fn body_check(&self, req: &Request) -> BodyCheck {
        let streamed = self
            .limits
            .streamed
            .filter(|(prefix, _)| req.uri().path().starts_with(prefix));
        let max = streamed.map_or(self.limits.max_body, |(_, max)| max);
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        match declared {
            Some(len) if len > max => BodyCheck::TooLarge(max),
            Some(_) => BodyCheck::Pass,
            // A body without a length (chunked, or streamed in-process): GET and HEAD
            // carry none, everything else is read up to the limit.
            None if streamed.is_none() && !matches!(req.method(), &Method::GET | &Method::HEAD) => {
                BodyCheck::Buffer(max)
            }
            None => BodyCheck::Pass,
        }
    }

    async fn buffered(&self, mut req: Request, max: u64) -> Result<Response> {
        // No length to trust: buffer up to the limit and stop reading past it.
        // Bodies of JSON APIs are read whole anyway, so this costs no extra copy.
        let limit = usize::try_from(max).unwrap_or(usize::MAX);
        let bytes = req
            .take_body()
            .into_bytes_limit(limit)
            .await
            .map_err(|e| match e {
                poem::error::ReadBodyError::PayloadTooLarge => too_large(max),
                other => poem::Error::from(other),
            })?;
        req.set_body(Body::from_bytes(bytes));
        self.inner.call(req).await.map(IntoResponse::into_response)
    }
}

fn too_large(max: u64) -> poem::Error {
    let mut p = ProblemError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    p = p.with_detail(format!("request body exceeds the limit of {max} bytes"));
    poem::Error::from(p)
}

/// The problem a request that ran out of time is answered with.
pub(crate) fn timed_out() -> ProblemError {
    ProblemError::new(StatusCode::SERVICE_UNAVAILABLE, "request_timeout")
        .with_detail("the request took too long and was abandoned; retry later")
        .with_retry_after(1)
}
