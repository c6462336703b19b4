//! The middleware every request passes through, outermost first:
//! [`envelope::Envelope`] (request id, trace span, problem bodies, access log, metrics,
//! security headers), CORS, panic catching, [`timeout::Timeout`], [`body_limit::BodyLimit`].

pub mod body_limit;
pub mod envelope;
pub mod timeout;
