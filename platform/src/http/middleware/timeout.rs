//! `503` problem when a request runs longer than `server.request_timeout_ms`.

use std::time::Duration;

use poem::http::StatusCode;
use poem::{Endpoint, Middleware, Request, Result};

use crate::http::problem::ProblemError;

/// The request-timeout middleware.
#[derive(Debug, Clone, Copy)]
pub struct Timeout {
    limit: Duration,
}

impl Timeout {
    /// Gives up on requests after `limit`.
    pub fn new(limit: Duration) -> Self {
        Self { limit }
    }
}

impl<E: Endpoint> Middleware<E> for Timeout {
    type Output = TimeoutEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        TimeoutEndpoint {
            inner,
            limit: self.limit,
        }
    }
}

/// Endpoint produced by [`Timeout`].
pub struct TimeoutEndpoint<E> {
    inner: E,
    limit: Duration,
}

impl<E: Endpoint> Endpoint for TimeoutEndpoint<E> {
    type Output = E::Output;

    async fn call(&self, req: Request) -> Result<Self::Output> {
        match tokio::time::timeout(self.limit, self.inner.call(req)).await {
            Ok(result) => result,
            Err(_) => {
                tracing::warn!(
                    limit_ms = self.limit.as_millis() as u64,
                    "request timed out"
                );
                Err(poem::Error::from(timed_out()))
            }
        }
    }
}

/// The problem a request that ran out of time is answered with.
pub(crate) fn timed_out() -> ProblemError {
    ProblemError::new(StatusCode::SERVICE_UNAVAILABLE, "request_timeout")
        .with_detail("the request took too long and was abandoned; retry later")
        .with_retry_after(1)
}
