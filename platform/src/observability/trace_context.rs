//! W3C `traceparent`: the caller's trace id goes on the request span (and becomes the
//! parent of exported spans when OTLP is on), so logs join up across services.

use opentelemetry::propagation::{Extractor, TextMapPropagator};
use opentelemetry::trace::TraceContextExt;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use poem::http::{HeaderMap, HeaderName};
use tracing_opentelemetry::OpenTelemetrySpanExt;

/// The W3C trace context header.
const TRACEPARENT: HeaderName = HeaderName::from_static("traceparent");

struct Headers<'a>(&'a HeaderMap);

impl Extractor for Headers<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(|k| k.as_str()).collect()
    }
}

/// Records the caller's trace id on `span`, makes the caller's span its parent, and
/// returns the trace id.
pub fn join_caller_trace(span: &tracing::Span, headers: &HeaderMap) -> Option<String> {
    // A `HeaderName` constant: a `&str` key is parsed on every lookup (every request).
    if !headers.contains_key(TRACEPARENT) {
        return None;
    }
    let cx = TraceContextPropagator::new().extract(&Headers(headers));
    let caller = cx.span().span_context().clone();
    if !caller.is_valid() {
        return None;
    }
    let trace_id = caller.trace_id().to_string();
    span.record("trace_id", trace_id.as_str());
    // A no-op unless the OpenTelemetry layer is installed (OTLP configured).
    let _ = span.set_parent(cx);
    Some(trace_id)
}

/// The trace id of a `traceparent` value, if it is valid.
pub fn trace_id_of(traceparent: &str) -> Option<String> {
    let mut headers = HeaderMap::new();
    headers.insert("traceparent", traceparent.parse().ok()?);
    let cx = TraceContextPropagator::new().extract(&Headers(&headers));
    let sc = cx.span().span_context().clone();
    sc.is_valid().then(|| sc.trace_id().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_traceparents_yield_their_trace_id() {
        let tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assert_eq!(
            trace_id_of(tp).as_deref(),
            Some("4bf92f3577b34da6a3ce929d0e0e4736")
        );
        assert_eq!(trace_id_of("garbage"), None);
        assert_eq!(
            trace_id_of("00-00000000000000000000000000000000-00f067aa0ba902b7-01"),
            None
        );
    }
}
