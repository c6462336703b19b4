//! Assertions on RFC 9457 problem responses: a test of a refusal checks the stable
//! `code` a client branches on, not only the status.

use std::future::Future;
use std::panic::Location;

use poem::http::StatusCode;
use poem::test::TestResponse;
use serde_json::Value;

/// Problem assertions on a [`TestResponse`].
pub trait AssertProblem {
    /// Asserts an `application/problem+json` answer with `status` (also in the body),
    /// `code`, and the `request_id` of the `x-request-id` header; returns the body for
    /// further checks. A failure names the caller's line.
    #[track_caller]
    fn assert_problem(self, status: StatusCode, code: &str) -> impl Future<Output = Value> + Send;
}

impl AssertProblem for TestResponse {
    #[track_caller]
    fn assert_problem(self, status: StatusCode, code: &str) -> impl Future<Output = Value> + Send {
        let at = Location::caller();
        let code = code.to_owned();
        async move { check(self, status, &code, at).await }
    }
}

async fn check(resp: TestResponse, status: StatusCode, code: &str, at: &Location<'_>) -> Value {
    let header = |name: &str| {
        resp.0
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (content_type, request_id) = (header("content-type"), header("x-request-id"));
    let actual = resp.0.status();
    let bytes = resp
        .0
        .into_body()
        .into_vec()
        .await
        .expect("read the response body");
    // A non-JSON body is shown as text, so a wrong answer fails on its status with the
    // body in the message rather than on a parse error.
    let body: Value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    assert_eq!(actual, status, "at {at}: {body}");
    assert_eq!(
        content_type.as_deref(),
        Some("application/problem+json"),
        "at {at}: {body}"
    );
    assert_eq!(body["status"], status.as_u16(), "at {at}: {body}");
    if code != "?" {
        assert_eq!(body["code"], code, "at {at}: {body}");
    }
    assert!(
        body["type"]
            .as_str()
            .is_some_and(|t| t.starts_with("https://")),
        "at {at}: {body}"
    );
    if let Some(id) = request_id {
        assert_eq!(body["request_id"], id.as_str(), "at {at}: {body}");
    }
    body
}
