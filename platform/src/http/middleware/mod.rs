//! The middleware every request passes through, outermost first:
//! [`envelope::Envelope`] (request id, trace span, problem bodies, access log, metrics,
//! security headers), CORS, [`envelope::ErrorsAsProblems`] (errors become problem
//! responses inside CORS, so they carry its headers), [`limits::Limits`] (panics, the
//! request timeout, the body limit, the context's `Auth`), then
//! [`crate::idempotency::Idempotency`] (`Idempotency-Key` on the operations that
//! declare it).

pub mod envelope;
pub mod limits;
