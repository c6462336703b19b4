//! Request ids: echoed when the client sends a sane one, generated otherwise, and
//! available to error bodies through a task-local.

use uuid::Uuid;

/// Header carrying the request id both ways.
pub const HEADER: &str = "x-request-id";

tokio::task_local! {
    static REQUEST_ID: String;
}

/// The incoming id if it is 1–128 characters of `[A-Za-z0-9._:-]`, else a new one.
/// Anything else could inject into logs or headers, so it is replaced, not echoed.
pub fn accept_or_generate(incoming: Option<&str>) -> String {
    match incoming {
        Some(id)
            if (1..=128).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._:-".contains(&b)) =>
        {
            id.to_owned()
        }
        _ => Uuid::now_v7().simple().to_string(),
    }
}

/// Runs `fut` with `id` as the current request id.
pub async fn scope<F: Future>(id: String, fut: F) -> F::Output {
    REQUEST_ID.scope(id, fut).await
}

/// The current request's id, if called inside a request.
pub fn current() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sane_ids_are_echoed_and_others_replaced() {
        assert_eq!(accept_or_generate(Some("abc-123_x.y:z")), "abc-123_x.y:z");
        for bad in ["", "has space", "new\nline", &"x".repeat(129), "ünï"] {
            let got = accept_or_generate(Some(bad));
            assert_ne!(got, bad);
            assert_eq!(got.len(), 32);
        }
        assert_eq!(accept_or_generate(None).len(), 32);
    }
}
