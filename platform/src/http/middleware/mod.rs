//! The middleware every request passes through, outermost first:
//! [`envelope::Envelope`] (request id, trace span, problem bodies, access log, metrics,
//! security headers), CORS, [`limits::Limits`] (panics, the request timeout, the body
//! limit, the context's `Auth`), then [`crate::idempotency::Idempotency`]
//! (`Idempotency-Key` on the operations that declare it).

pub mod envelope;
pub mod limits;
