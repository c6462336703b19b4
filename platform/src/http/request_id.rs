//! Request ids: echoed when the client sends a sane one, generated otherwise, and
//! available to error bodies through a task-local.

use poem::http::{HeaderName, HeaderValue};
use tokio::task::futures::TaskLocalFuture;
use uuid::Uuid;

/// Header carrying the request id both ways.
pub const HEADER: &str = "x-request-id";

/// [`HEADER`] as a header name, which costs no parsing per use.
pub const HEADER_NAME: HeaderName = HeaderName::from_static(HEADER);

tokio::task_local! {
    // The header value itself: the response echoes it, so a request needs one copy only.
    static REQUEST_ID: HeaderValue;
}

/// The incoming id if it is 1–128 characters of `[A-Za-z0-9._:-]`, else a new one.
/// Anything else could inject into logs or headers, so it is replaced, not echoed.
pub fn accept_or_generate(incoming: Option<&HeaderValue>) -> HeaderValue {
    match incoming {
        Some(id) if is_sane(id.as_bytes()) => id.clone(),
        _ => generate(),
    }
}

fn is_sane(id: &[u8]) -> bool {
    (1..=128).contains(&id.len())
        && id
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"._:-".contains(b))
}

fn generate() -> HeaderValue {
    let mut buf = [0u8; 32];
    let id = Uuid::now_v7().simple().encode_lower(&mut buf);
    // 32 lowercase hex digits are always a valid header value; the fallback is unreachable.
    HeaderValue::from_str(id).unwrap_or(HeaderValue::from_static("0"))
}

/// Runs `fut` with `id` as the current request id.
pub fn scope<F: Future>(id: HeaderValue, fut: F) -> TaskLocalFuture<HeaderValue, F> {
    REQUEST_ID.scope(id, fut)
}

/// The current request's id, if called inside a request.
pub fn current() -> Option<String> {
    REQUEST_ID
        .try_with(|id| id.to_str().ok().map(str::to_owned))
        .ok()
        .flatten()
}

/// The current request's id as its header value, to carry it into a spawned task.
pub fn current_value() -> Option<HeaderValue> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(incoming: &str) -> String {
        let value = HeaderValue::from_bytes(incoming.as_bytes()).ok();
        let got = accept_or_generate(value.as_ref());
        got.to_str().unwrap().to_owned()
    }

    #[test]
    fn sane_ids_are_echoed_and_others_replaced() {
        assert_eq!(accept("abc-123_x.y:z"), "abc-123_x.y:z");
        for bad in ["", "has space", "tab\there", &"x".repeat(129), "ünï"] {
            let got = accept(bad);
            assert_ne!(got, bad);
            assert_eq!(got.len(), 32);
            assert!(got.bytes().all(|b| b.is_ascii_hexdigit()));
        }
        assert_eq!(accept_or_generate(None).len(), 32);
    }

    #[tokio::test]
    async fn the_scope_makes_the_id_current() {
        let id = HeaderValue::from_static("req-1");
        let seen = scope(id, async { (current(), current_value()) }).await;
        assert_eq!(seen.0.as_deref(), Some("req-1"));
        assert_eq!(seen.1, Some(HeaderValue::from_static("req-1")));
        assert_eq!(current(), None);
    }
}
