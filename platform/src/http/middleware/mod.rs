//! The middleware every request passes through, outermost first:
//! [`envelope::Envelope`] (request id, trace span, problem bodies, access log, metrics,
//! security headers), CORS, [`envelope::ErrorsAsProblems`] (errors become problem
//! responses inside CORS, so they carry its headers), panic catching, [`timeout::Timeout`], [`body_limit::BodyLimit`],
//! then [`crate::idempotency::Idempotency`] (`Idempotency-Key` on the operations that
//! declare it).

pub mod body_limit;
pub mod envelope;
pub mod timeout;
