//! `413` for bodies over `server.max_body_bytes`: at once from `Content-Length`, and for
//! chunked bodies (no length) as soon as the bytes read pass the limit.

use poem::http::{Method, StatusCode, header};
use poem::{Body, Endpoint, Middleware, Request, Result};

use crate::http::problem::ProblemError;

/// The body-limit middleware.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit {
    max: u64,
}

impl BodyLimit {
    /// Rejects bodies larger than `max` bytes.
    pub fn new(max: u64) -> Self {
        Self { max }
    }
}

impl<E: Endpoint> Middleware<E> for BodyLimit {
    type Output = BodyLimitEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        BodyLimitEndpoint {
            inner,
            max: self.max,
        }
    }
}

/// Endpoint produced by [`BodyLimit`].
pub struct BodyLimitEndpoint<E> {
    inner: E,
    max: u64,
}

fn too_large(max: u64) -> poem::Error {
    let mut p = ProblemError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    p = p.with_detail(format!("request body exceeds the limit of {max} bytes"));
    poem::Error::from(p)
}

impl<E: Endpoint> Endpoint for BodyLimitEndpoint<E> {
    type Output = E::Output;

    async fn call(&self, mut req: Request) -> Result<Self::Output> {
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        match declared {
            Some(len) if len > self.max => return Err(too_large(self.max)),
            Some(_) => {}
            // A body without a length (chunked, or streamed in-process): GET and HEAD
            // carry none, everything else is read up to the limit.
            None if !matches!(req.method(), &Method::GET | &Method::HEAD) => {
                // No length to trust: buffer up to the limit and stop reading past it.
                // Bodies of JSON APIs are read whole anyway, so this costs no extra copy.
                let limit = usize::try_from(self.max).unwrap_or(usize::MAX);
                let bytes = req
                    .take_body()
                    .into_bytes_limit(limit)
                    .await
                    .map_err(|e| match e {
                        poem::error::ReadBodyError::PayloadTooLarge => too_large(self.max),
                        other => poem::Error::from(other),
                    })?;
                req.set_body(Body::from_bytes(bytes));
            }
            None => {}
        }
        self.inner.call(req).await
    }
}
