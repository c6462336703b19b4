//! The API conventions (docs/architecture.md) at the HTTP level: every error is a problem, request ids, body
//! limits, timeouts, CORS, security headers, ids and pagination.

use futures_util::stream;
use haven_platform::testing::AssertProblem;
use poem::Body;
use poem::http::{Method, StatusCode};
use serde_json::json;

use crate::probe::{app, app_with};

mod document;

#[tokio::test]
async fn unknown_routes_are_404_problems_with_the_request_id() {
    let (app, _) = app().await;
    let resp = app
        .client
        .get("/nope")
        .header("x-request-id", "support-ticket-42")
        .send()
        .await;
    resp.assert_header("x-request-id", "support-ticket-42");
    resp.assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
}

#[tokio::test]
async fn an_insane_request_id_is_replaced_not_echoed() {
    let (app, _) = app().await;
    let resp = app
        .client
        .get("/v1/meta")
        .header("x-request-id", "a b<script>")
        .send()
        .await;
    resp.assert_status_is_ok();
    let id = resp
        .0
        .headers()
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap();
    assert_eq!(id.len(), 32, "{id}");
}

#[tokio::test]
async fn wrong_methods_are_405_with_allow() {
    let (app, _) = app().await;
    let resp = app.client.delete("/v1/meta").send().await;
    resp.assert_header("allow", "GET, HEAD");
    resp.assert_problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
        .await;
}

#[tokio::test]
async fn malformed_json_is_a_400_problem() {
    let (app, _) = app().await;
    let resp = app
        .client
        .post("/v1/test/echo")
        .content_type("application/json")
        .body("{\"name\": ")
        .send()
        .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
}

#[tokio::test]
async fn wrong_types_missing_fields_unknown_enums_and_unknown_fields_are_400() {
    let (app, _) = app().await;
    let cases = [
        (
            json!({"name": "a", "kind": "round", "count": "seven"}),
            "seven",
        ),
        // poem-openapi names the type, not the field, for a missing one (see README).
        (json!({"name": "a", "kind": "round"}), "Echo"),
        (
            json!({"name": "a", "kind": "hexagon", "count": 1}),
            "hexagon",
        ),
        (
            json!({"name": "a", "kind": "round", "count": 1, "role": "admin"}),
            "role",
        ),
    ];
    for (input, field) in cases {
        let resp = app
            .client
            .post("/v1/test/echo")
            .body_json(&input)
            .send()
            .await;
        let body = resp
            .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
            .await;
        let detail = body["detail"].as_str().unwrap();
        assert!(detail.contains(field), "{input} → {detail}");
    }
    let ok = json!({"name": "a", "kind": "square", "count": 3});
    let resp = app.client.post("/v1/test/echo").body_json(&ok).send().await;
    resp.assert_status_is_ok();
    resp.assert_json(&ok).await;
}

#[tokio::test]
async fn a_wrong_content_type_is_a_415_problem() {
    let (app, _) = app().await;
    let resp = app
        .client
        .post("/v1/test/echo")
        .content_type("text/plain")
        .body("name=a")
        .send()
        .await;
    resp.assert_problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
        .await;
}

#[tokio::test]
async fn panics_are_500_problems_that_leak_nothing() {
    let (app, _) = app().await;
    let resp = app.client.get("/v1/test/panic").send().await;
    let body = resp
        .assert_problem(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        .await;
    assert!(!body.to_string().contains("hunter2"));
    assert!(!body.to_string().contains("secret"));
}

#[tokio::test]
async fn bodies_over_the_limit_are_413_with_or_without_content_length() {
    let (app, _) = app_with(|s| s.server.max_body_bytes = 1024).await;
    let big = vec![b'x'; 2048];
    let resp = app
        .client
        .post("/v1/test/echo")
        .content_type("application/json")
        .body(big.clone())
        .send()
        .await;
    assert_eq!(
        resp.assert_problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
            .await["code"],
        "payload_too_large"
    );

    // A streamed body has no Content-Length: the limit applies to the bytes read.
    let chunks = big
        .chunks(256)
        .map(|c| Ok::<_, std::io::Error>(c.to_vec()))
        .collect::<Vec<_>>();
    let resp = app
        .client
        .post("/v1/test/echo")
        .content_type("application/json")
        .body(Body::from_bytes_stream(stream::iter(chunks)))
        .send()
        .await;
    assert_eq!(
        resp.assert_problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
            .await["code"],
        "payload_too_large"
    );

    // Under the limit, a streamed body still reaches the handler intact.
    let ok = br#"{"name":"a","kind":"round","count":1}"#.to_vec();
    let resp = app
        .client
        .post("/v1/test/echo")
        .content_type("application/json")
        .body(Body::from_bytes_stream(stream::iter(vec![Ok::<
            _,
            std::io::Error,
        >(ok)])))
        .send()
        .await;
    resp.assert_status_is_ok();
}

#[tokio::test]
async fn requests_past_the_timeout_are_503_problems() {
    let (app, _) = app_with(|s| s.server.request_timeout_ms = 50).await;
    let resp = app.client.get("/v1/test/hang").send().await;
    resp.assert_header("retry-after", "1");
    assert_eq!(
        resp.assert_problem(StatusCode::SERVICE_UNAVAILABLE, "request_timeout")
            .await["code"],
        "request_timeout"
    );
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    let (app, _) = app().await;
    for path in ["/v1/meta", "/nope"] {
        let resp = app.client.get(path).send().await;
        resp.assert_header("x-content-type-options", "nosniff");
        resp.assert_header("referrer-policy", "no-referrer");
        resp.assert_header_is_not_exist("strict-transport-security");
    }
    let resp = app
        .client
        .get("/v1/meta")
        .header("x-forwarded-proto", "https")
        .send()
        .await;
    resp.assert_header_exist("strict-transport-security");
}

#[tokio::test]
async fn cors_allows_configured_origins_only() {
    let (app, _) = app_with(|s| s.server.cors_origins = vec!["https://app.haven.dev".into()]).await;
    let preflight = |origin: &'static str| {
        app.client
            .request(Method::OPTIONS, "/v1/meta")
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .send()
    };
    let resp = preflight("https://app.haven.dev").await;
    resp.assert_status_is_ok();
    resp.assert_header("access-control-allow-origin", "https://app.haven.dev");
    let resp = app
        .client
        .get("/v1/meta")
        .header("origin", "https://app.haven.dev")
        .send()
        .await;
    let exposed: Vec<String> = resp
        .0
        .headers()
        .get_all("access-control-expose-headers")
        .iter()
        .flat_map(|v| v.to_str().unwrap_or_default().split(','))
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    for header in haven_platform::http::app::EXPOSED_HEADERS {
        assert!(
            exposed.iter().any(|h| h == header),
            "{header} not exposed: {exposed:?}"
        );
    }
    // Errors of the routing and extractor layers carry the CORS headers too, so a
    // browser app can read them (a 401 it must refresh after, a 404, a 400).
    let resp = app
        .client
        .get("/v1/no-such-route")
        .header("origin", "https://app.haven.dev")
        .send()
        .await;
    resp.assert_status(StatusCode::NOT_FOUND);
    resp.assert_content_type("application/problem+json");
    resp.assert_header("access-control-allow-origin", "https://app.haven.dev");
    let resp = preflight("https://evil.example").await;
    resp.assert_header_is_not_exist("access-control-allow-origin");
    assert_ne!(resp.0.status(), StatusCode::OK);
    resp.assert_content_type("application/problem+json");
}

#[tokio::test]
async fn ids_with_a_wrong_prefix_are_400_and_valid_ones_reach_the_handler() {
    let (app, _) = app().await;
    let resp = app
        .client
        .get("/v1/test/things/usr_01h455vb4pex5vsknk084sn02q")
        .send()
        .await;
    let body = resp
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    assert!(body["detail"].as_str().unwrap().contains("thg_"), "{body}");
    let resp = app
        .client
        .get("/v1/test/things/thg_01h455vb4pex5vsknk084sn02q")
        .send()
        .await;
    assert_eq!(
        resp.assert_problem(StatusCode::NOT_FOUND, "not_found")
            .await["code"],
        "not_found"
    );
}

#[tokio::test]
async fn pagination_walks_every_item_once_and_rejects_bad_limits() {
    let (app, _) = app().await;
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut req = app.client.get("/v1/test/things").query("limit", &2);
        if let Some(c) = &cursor {
            req = req.query("cursor", c);
        }
        let resp = req.send().await;
        resp.assert_status_is_ok();
        let page: serde_json::Value = resp.json().await.value().deserialize();
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_i64().unwrap()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen, vec![0, 1, 2, 3, 4]);
    let resp = app
        .client
        .get("/v1/test/things")
        .query("limit", &101)
        .send()
        .await;
    let body = resp
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(body["errors"][0]["field"], "limit");
    let resp = app
        .client
        .get("/v1/test/things")
        .query("cursor", &"garbage!")
        .send()
        .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
}

#[tokio::test]
async fn meta_reports_the_backend_and_modules() {
    let (app, _) = app().await;
    let resp = app.client.get("/v1/meta").send().await;
    resp.assert_status_is_ok();
    let meta: serde_json::Value = resp.json().await.value().deserialize();
    assert_eq!(meta["name"], "haven");
    assert_eq!(meta["database"], app.db.backend().name());
    // Derived from the mount list, so mounting a domain edits no test.
    let mounted = haven_app::wiring::modules(&app.ctx).names();
    assert!(mounted.iter().any(|m| m == "identity"), "{mounted:?}");
    assert_eq!(meta["modules"], json!(mounted));
}

#[tokio::test]
async fn the_document_and_the_docs_ui_are_served() {
    let (app, _) = app().await;
    let resp = app.client.get("/openapi.json").send().await;
    resp.assert_status_is_ok();
    let spec: serde_json::Value = resp.json().await.value().deserialize();
    assert_eq!(
        spec,
        serde_json::from_str::<serde_json::Value>(&app.spec_json).unwrap()
    );
    let resp = app.client.get("/docs").send().await;
    resp.assert_status_is_ok();
    let html = resp.0.into_body().into_string().await.unwrap();
    assert!(
        html.contains("<html") && html.to_lowercase().contains("scalar"),
        "{html}"
    );
}

/// Registers a member through the API and signs in; returns the login answer.
async fn signed_in(app: &haven_platform::testing::TestApp) -> serde_json::Value {
    let creds = json!({"email": "contract@example.com", "password": "a long enough passphrase"});
    let resp = app
        .client
        .post("/v1/identity/register")
        .body_json(&creds)
        .send()
        .await;
    resp.assert_status(StatusCode::CREATED);
    let resp = app
        .client
        .post("/v1/identity/login")
        .body_json(&creds)
        .send()
        .await;
    resp.assert_status_is_ok();
    resp.assert_header("cache-control", "no-store");
    resp.json().await.value().deserialize()
}

#[tokio::test]
async fn authentication_comes_before_the_idempotency_key_and_the_body() {
    let (app, _) = app().await;
    // A malformed key (too long) without a token: 401, not 400.
    let resp = app
        .client
        .post("/v1/identity/me/export")
        .header("idempotency-key", "k".repeat(300))
        .send()
        .await;
    resp.assert_header("www-authenticate", "Bearer realm=\"haven\"");
    resp.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
    // An invalid token and a malformed body: still 401.
    let resp = app
        .client
        .patch("/v1/identity/me")
        .header("authorization", "Bearer not-a-token")
        .content_type("application/json")
        .body("{\"display_name\": ")
        .send()
        .await;
    resp.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
    // Signed in, the key is checked as before.
    let token = signed_in(&app).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let resp = app
        .client
        .post("/v1/identity/me/export")
        .header("authorization", format!("Bearer {token}"))
        .header("idempotency-key", "k".repeat(300))
        .send()
        .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "idempotency_key_invalid")
        .await;
    let claimed: i64 = app
        .ctx
        .db
        .run(|conn| {
            use diesel::RunQueryDsl;
            diesel::sql_query("SELECT COUNT(*) AS n FROM platform_idempotency_keys")
                .get_result::<Count>(conn)
                .map(|c| c.n)
                .map_err(haven_platform::DbError::from)
        })
        .await
        .unwrap();
    assert_eq!(claimed, 0, "no key was claimed by the refused requests");
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[tokio::test]
async fn member_reads_are_private_timestamps_say_z_and_absent_values_null() {
    let (app, _) = app().await;
    let token = signed_in(&app).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let bearer = format!("Bearer {token}");
    for path in [
        "/v1/identity/me",
        "/v1/identity/me/sessions",
        "/v1/identity/me/mfa",
    ] {
        let resp = app
            .client
            .get(path)
            .header("authorization", &bearer)
            .send()
            .await;
        resp.assert_status_is_ok();
        resp.assert_header("cache-control", "private");
    }
    let me: serde_json::Value = app
        .client
        .get("/v1/identity/me")
        .header("authorization", &bearer)
        .send()
        .await
        .json()
        .await
        .value()
        .deserialize();
    let created = me["created_at"].as_str().unwrap();
    assert!(
        created.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(created).is_ok(),
        "{created}"
    );
    for absent in ["display_name", "locale", "time_zone", "email_verified_at"] {
        assert!(me[absent].is_null(), "{absent} is sent as null: {me}");
        assert!(
            me.as_object().unwrap().contains_key(absent),
            "{absent} is sent"
        );
    }
    let sessions: serde_json::Value = app
        .client
        .get("/v1/identity/me/sessions")
        .header("authorization", &bearer)
        .send()
        .await
        .json()
        .await
        .value()
        .deserialize();
    let used = sessions["items"][0]["last_used_at"].as_str().unwrap();
    assert!(used.ends_with('Z'), "{used}");
    assert!(sessions["next_cursor"].is_null());
}

#[tokio::test]
async fn a_negative_or_huge_limit_is_422_like_any_out_of_range_limit() {
    let (app, _) = app().await;
    let token = signed_in(&app).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    for limit in ["-1", "0", "101", "99999999999"] {
        let resp = app
            .client
            .get("/v1/identity/me/sessions")
            .header("authorization", format!("Bearer {token}"))
            .query("limit", &limit)
            .send()
            .await;
        let body = resp
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
        assert_eq!(body["errors"][0]["field"], "limit", "{limit}");
    }
    let resp = app
        .client
        .get("/v1/identity/me/sessions")
        .header("authorization", format!("Bearer {token}"))
        .query("limit", &"ten")
        .send()
        .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
}
