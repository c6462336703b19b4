//! Idempotency keys (docs/architecture.md "Writes") on the whole app: a test-only API whose POST
//! operations declare `Idempotency-Key` and count their executions, so each test can
//! check both what the client got and what ran, plus the rows left in the database.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use diesel::prelude::*;
use diesel::sql_query;
use diesel::sql_types::{Integer, Nullable, Text};
use haven_platform::http::problem::VALIDATION_FAILED;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::ids::{SessionId, UserId};
use haven_platform::testing::{TestApp, wait_for};
use haven_platform::{ApiError, ApiResult, DbError, define_id, error_set};
use poem::http::StatusCode;
use poem_openapi::param::Path;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi};
use serde_json::{Value, json};
use tokio::sync::Notify;

define_id!(WidgetId, "wdg");
error_set!(pub WidgetErrors: codes[VALIDATION_FAILED]);

/// Body of the create operations.
#[derive(Debug, Clone, Object)]
#[oai(deny_unknown_fields)]
pub struct NewWidget {
    /// Must not be empty.
    pub name: String,
}

/// A created widget.
#[derive(Debug, Clone, Object)]
pub struct Widget {
    /// A fresh id per execution, so a replay is told apart from a second run.
    pub id: String,
    /// The name sent.
    pub name: String,
}

/// Answer of the create operations.
#[derive(Debug, ApiResponse)]
pub enum WidgetCreated {
    /// Created.
    #[oai(status = 201)]
    Created(Json<Widget>, #[oai(header = "Location")] String),
}

/// Executions per operation.
#[derive(Debug, Default)]
pub struct Counts {
    pub create: AtomicUsize,
    pub fail: AtomicUsize,
    pub held: AtomicUsize,
    pub panic: AtomicUsize,
    pub plain: AtomicUsize,
}

/// Gates of the held operation.
#[derive(Debug, Default)]
pub struct Gates {
    /// Signalled when the held handler has started.
    pub started: Notify,
    /// The held handler finishes when this is signalled.
    pub release: Notify,
}

pub struct IdempotencyApi {
    pub counts: Arc<Counts>,
    pub gates: Arc<Gates>,
}

fn created(name: String, group: &str) -> WidgetCreated {
    let id = WidgetId::new().to_string();
    let location = format!("/v1/test/groups/{group}/widgets/{id}");
    WidgetCreated::Created(Json(Widget { id, name }), location)
}

#[OpenApi]
impl IdempotencyApi {
    /// Creates a widget in a group.
    #[oai(
        path = "/v1/test/groups/:group/widgets",
        method = "post",
        operation_id = "testCreateWidget"
    )]
    async fn create(
        &self,
        group: Path<String>,
        /// Makes the request safe to retry: a retry with the same key gets the first
        /// response again.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<NewWidget>,
    ) -> ApiResult<WidgetCreated, WidgetErrors> {
        if body.0.name.is_empty() {
            return Err(ApiError::invalid_field(
                "name",
                "empty",
                "must not be empty",
            ));
        }
        self.counts.create.fetch_add(1, Ordering::SeqCst);
        Ok(created(body.0.name, &group.0))
    }

    /// Fails with a 500 after running.
    #[oai(
        path = "/v1/test/widgets/fail",
        method = "post",
        operation_id = "testFailWidget"
    )]
    async fn fail(
        &self,
        #[oai(name = "Idempotency-Key")] _idempotency_key: IdempotencyKey,
        _body: Json<NewWidget>,
    ) -> ApiResult<WidgetCreated, WidgetErrors> {
        self.counts.fail.fetch_add(1, Ordering::SeqCst);
        Err(ApiError::internal(&"the widget factory is on fire"))
    }

    /// Creates a widget once the test releases it.
    #[oai(
        path = "/v1/test/widgets/held",
        method = "post",
        operation_id = "testHeldWidget"
    )]
    async fn held(
        &self,
        #[oai(name = "Idempotency-Key")] _idempotency_key: IdempotencyKey,
        body: Json<NewWidget>,
    ) -> ApiResult<WidgetCreated, WidgetErrors> {
        self.counts.held.fetch_add(1, Ordering::SeqCst);
        let released = self.gates.release.notified();
        self.gates.started.notify_one();
        released.await;
        Ok(created(body.0.name, "held"))
    }

    /// Panics after running.
    #[oai(
        path = "/v1/test/widgets/panic",
        method = "post",
        operation_id = "testPanicWidget"
    )]
    async fn panic(
        &self,
        #[oai(name = "Idempotency-Key")] _idempotency_key: IdempotencyKey,
        _body: Json<NewWidget>,
    ) -> ApiResult<WidgetCreated, WidgetErrors> {
        self.counts.panic.fetch_add(1, Ordering::SeqCst);
        panic!("widget exploded")
    }

    /// Creates a widget; does not declare `Idempotency-Key`.
    #[oai(
        path = "/v1/test/widgets/plain",
        method = "post",
        operation_id = "testPlainWidget"
    )]
    async fn plain(&self, body: Json<NewWidget>) -> ApiResult<WidgetCreated, WidgetErrors> {
        self.counts.plain.fetch_add(1, Ordering::SeqCst);
        Ok(created(body.0.name, "plain"))
    }
}

struct Harness {
    app: TestApp,
    counts: Arc<Counts>,
    gates: Arc<Gates>,
}

async fn harness() -> Harness {
    harness_with(|_| {}).await
}

async fn harness_with(f: impl FnOnce(&mut haven_platform::Settings)) -> Harness {
    let counts = Arc::new(Counts::default());
    let gates = Arc::new(Gates::default());
    let api = IdempotencyApi {
        counts: Arc::clone(&counts),
        gates: Arc::clone(&gates),
    };
    let app = haven_app::testing::builder()
        .settings(f)
        .build(move |ctx| haven_app::wiring::build_app_with(ctx, api))
        .await;
    Harness { app, counts, gates }
}

const CREATE: &str = "/v1/test/groups/a/widgets";

/// A response, read whole.
#[derive(Debug)]
struct Reply {
    status: StatusCode,
    headers: poem::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }

    fn replayed(&self) -> bool {
        self.header("idempotent-replayed") == Some("true")
    }
}

async fn read(resp: poem::test::TestResponse) -> Reply {
    let status = resp.0.status();
    let headers = resp.0.headers().clone();
    let body = resp.0.into_body().into_vec().await.unwrap();
    Reply {
        status,
        headers,
        body,
    }
}

impl Harness {
    async fn post_raw(
        &self,
        path: &str,
        key: Option<&str>,
        auth: Option<&str>,
        body: &str,
    ) -> Reply {
        let mut req = self
            .app
            .client
            .post(path)
            .content_type("application/json")
            .body(body.to_owned());
        if let Some(key) = key {
            req = req.header("Idempotency-Key", key);
        }
        if let Some(auth) = auth {
            req = req.header("Authorization", auth);
        }
        read(req.send().await).await
    }

    async fn post(&self, path: &str, key: &str, body: &Value) -> Reply {
        self.post_raw(path, Some(key), None, &body.to_string())
            .await
    }

    /// `(key, state, response_status)` of every stored key, by key.
    async fn rows(&self) -> Vec<(String, String, Option<i32>)> {
        #[derive(QueryableByName)]
        struct Row {
            #[diesel(sql_type = Text)]
            key: String,
            #[diesel(sql_type = Text)]
            state: String,
            #[diesel(sql_type = Nullable<Integer>)]
            response_status: Option<i32>,
        }
        self.app
            .ctx
            .db
            .run(|conn| {
                sql_query(
                    "SELECT key, state, response_status FROM platform_idempotency_keys \
                     ORDER BY key",
                )
                .load::<Row>(conn)
                .map_err(DbError::from)
            })
            .await
            .unwrap()
            .into_iter()
            .map(|r| (r.key, r.state, r.response_status))
            .collect()
    }

    /// Moves the expiry of `key` (every key when `None`) into the past.
    async fn expire(&self, key: Option<&str>) {
        let filter = key.map_or(String::new(), |k| format!(" WHERE key = '{k}'"));
        self.app
            .ctx
            .db
            .run(move |conn| {
                sql_query(format!(
                    "UPDATE platform_idempotency_keys SET expires_at = '2000-01-01 00:00:00'{filter}"
                ))
                .execute(conn)
                .map_err(DbError::from)
            })
            .await
            .unwrap();
    }

    fn count(&self, which: fn(&Counts) -> &AtomicUsize) -> usize {
        which(&self.counts).load(Ordering::SeqCst)
    }
}

fn done(key: &str, status: i32) -> (String, String, Option<i32>) {
    (key.to_owned(), "done".to_owned(), Some(status))
}

#[tokio::test]
async fn the_first_request_runs_and_a_retry_replays_it_byte_for_byte() {
    let h = harness().await;
    let first = h.post(CREATE, "key-1", &json!({"name": "w"})).await;
    assert_eq!(first.status, StatusCode::CREATED, "{first:?}");
    assert!(!first.replayed());
    assert_eq!(first.json()["name"], "w");
    assert_eq!(h.rows().await, vec![done("key-1", 201)]);

    let retry = h.post(CREATE, "key-1", &json!({"name": "w"})).await;
    assert_eq!(retry.status, StatusCode::CREATED);
    assert!(retry.replayed(), "{retry:?}");
    assert_eq!(retry.body, first.body, "the same bytes, the same fresh id");
    for name in ["content-type", "location"] {
        assert_eq!(retry.header(name), first.header(name), "{name}");
    }
    assert!(retry.header("x-request-id").is_some());
    assert_ne!(retry.header("x-request-id"), first.header("x-request-id"));
    assert_eq!(retry.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(h.count(|c| &c.create), 1);
    assert_eq!(h.rows().await, vec![done("key-1", 201)]);
}

#[tokio::test]
async fn the_same_key_with_another_body_or_path_is_422_reused() {
    let h = harness().await;
    let first = h.post(CREATE, "key-1", &json!({"name": "w"})).await;
    assert_eq!(first.status, StatusCode::CREATED);

    let other_body = h.post(CREATE, "key-1", &json!({"name": "v"})).await;
    let other_path = h
        .post("/v1/test/groups/b/widgets", "key-1", &json!({"name": "w"}))
        .await;
    for reply in [other_body, other_path] {
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{reply:?}");
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json")
        );
        let body = reply.json();
        assert_eq!(body["code"], "idempotency_key_reused", "{body}");
        assert_eq!(body["request_id"], reply.header("x-request-id").unwrap());
        assert!(!reply.replayed());
    }
    assert_eq!(h.count(|c| &c.create), 1);
    assert_eq!(h.rows().await, vec![done("key-1", 201)]);
}

#[tokio::test]
async fn keys_are_scoped_by_client() {
    let h = harness().await;
    let body = json!({"name": "w"}).to_string();
    let a = h.post_raw(CREATE, Some("k"), Some("Bearer a"), &body).await;
    let b = h.post_raw(CREATE, Some("k"), Some("Bearer b"), &body).await;
    let anonymous = h.post_raw(CREATE, Some("k"), None, &body).await;
    for reply in [&a, &b, &anonymous] {
        assert_eq!(reply.status, StatusCode::CREATED);
        assert!(!reply.replayed());
    }
    assert_eq!(h.count(|c| &c.create), 3);
    let again = h.post_raw(CREATE, Some("k"), Some("Bearer a"), &body).await;
    assert!(again.replayed());
    assert_eq!(again.body, a.body);
    assert_eq!(h.count(|c| &c.create), 3);
    assert_eq!(h.rows().await.len(), 3);
}

#[tokio::test]
async fn a_users_keys_survive_a_token_refresh() {
    let h = harness().await;
    let auth = &h.app.ctx.auth;
    let bearer = |user: &UserId, session: &SessionId| {
        let claims = auth.access_claims(user, session, vec![], vec![], Duration::from_secs(600));
        format!("Bearer {}", auth.issue(&claims).unwrap())
    };
    let (user, session) = (UserId::new(), SessionId::new());
    let body = json!({"name": "w"}).to_string();
    let first = h
        .post_raw(CREATE, Some("k"), Some(&bearer(&user, &session)), &body)
        .await;
    // The app refreshed its access token: a new token of the same user.
    let retry = h
        .post_raw(CREATE, Some("k"), Some(&bearer(&user, &session)), &body)
        .await;
    assert!(retry.replayed());
    assert_eq!(retry.body, first.body);
    let other_user = h
        .post_raw(
            CREATE,
            Some("k"),
            Some(&bearer(&UserId::new(), &SessionId::new())),
            &body,
        )
        .await;
    assert!(!other_user.replayed());
    assert_eq!(h.count(|c| &c.create), 2);
}

#[tokio::test]
async fn a_key_in_flight_is_409_in_use_until_its_request_finishes() {
    let h = harness().await;
    let body = json!({"name": "w"});
    let first = h.post("/v1/test/widgets/held", "key-1", &body);
    let second = async {
        h.gates.started.notified().await;
        let reply = h.post("/v1/test/widgets/held", "key-1", &body).await;
        assert_eq!(
            h.rows().await,
            vec![("key-1".into(), "running".into(), None)]
        );
        h.gates.release.notify_one();
        reply
    };
    let (first, second) = tokio::join!(first, second);
    assert_eq!(first.status, StatusCode::CREATED, "{first:?}");
    assert_eq!(second.status, StatusCode::CONFLICT, "{second:?}");
    assert_eq!(second.json()["code"], "idempotency_key_in_use");
    assert_eq!(h.count(|c| &c.held), 1);
    assert_eq!(h.rows().await, vec![done("key-1", 201)]);

    let retry = h.post("/v1/test/widgets/held", "key-1", &body).await;
    assert!(retry.replayed());
    assert_eq!(retry.body, first.body);
    assert_eq!(h.count(|c| &c.held), 1);
}

#[tokio::test]
async fn a_5xx_is_stored_and_replayed() {
    let h = harness().await;
    let first = h
        .post("/v1/test/widgets/fail", "key-1", &json!({"name": "w"}))
        .await;
    assert_eq!(first.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        first.header("content-type"),
        Some("application/problem+json")
    );
    let body = first.json();
    assert_eq!(body["request_id"], first.header("x-request-id").unwrap());
    assert_eq!(body["code"], "internal");
    assert_eq!(h.rows().await, vec![done("key-1", 500)]);

    let retry = h
        .post("/v1/test/widgets/fail", "key-1", &json!({"name": "w"}))
        .await;
    assert_eq!(retry.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(retry.replayed());
    assert_eq!(
        retry.body, first.body,
        "the first request's problem, request id included"
    );
    assert_eq!(
        retry.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(h.count(|c| &c.fail), 1);
}

#[tokio::test]
async fn a_panic_is_stored_as_a_500_and_replayed() {
    let h = harness().await;
    let first = h
        .post("/v1/test/widgets/panic", "key-1", &json!({"name": "w"}))
        .await;
    assert_eq!(first.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(first.json()["code"], "internal");
    assert!(!String::from_utf8_lossy(&first.body).contains("exploded"));
    assert_eq!(h.rows().await, vec![done("key-1", 500)]);

    let retry = h
        .post("/v1/test/widgets/panic", "key-1", &json!({"name": "w"}))
        .await;
    assert!(retry.replayed());
    assert_eq!(retry.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(retry.body, first.body);
    assert_eq!(h.count(|c| &c.panic), 1);
}

#[tokio::test]
async fn a_request_abandoned_by_the_timeout_is_stored_not_left_running() {
    let h = harness_with(|s| s.server.request_timeout_ms = 300).await;
    let first = h
        .post("/v1/test/widgets/held", "key-1", &json!({"name": "w"}))
        .await;
    assert_eq!(first.status, StatusCode::SERVICE_UNAVAILABLE, "{first:?}");
    assert_eq!(first.json()["code"], "request_timeout");
    // The endpoint's task resolves the claim at its own deadline, just after the answer.
    let rows = wait_for(Duration::from_secs(5), "the claim is resolved", || async {
        let rows = h.rows().await;
        rows.iter()
            .all(|(_, state, _)| state == "done")
            .then_some(rows)
    })
    .await;
    assert_eq!(rows, vec![done("key-1", 503)]);

    let retry = h
        .post("/v1/test/widgets/held", "key-1", &json!({"name": "w"}))
        .await;
    assert!(retry.replayed(), "{retry:?}");
    assert_eq!(retry.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(retry.json()["code"], "request_timeout");
    assert_eq!(h.count(|c| &c.held), 1);
}

#[tokio::test]
async fn rejected_input_stores_nothing_and_a_corrected_retry_runs() {
    let h = harness().await;
    let malformed = h.post_raw(CREATE, Some("key-1"), None, "{\"name\": ").await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST, "{malformed:?}");
    assert_eq!(malformed.json()["code"], "bad_request");
    assert_eq!(h.rows().await, vec![]);

    let invalid = h.post(CREATE, "key-1", &json!({"name": ""})).await;
    assert_eq!(
        invalid.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{invalid:?}"
    );
    assert_eq!(invalid.json()["code"], "validation_failed");
    assert_eq!(h.rows().await, vec![]);
    assert_eq!(h.count(|c| &c.create), 0);

    let corrected = h.post(CREATE, "key-1", &json!({"name": "w"})).await;
    assert_eq!(corrected.status, StatusCode::CREATED);
    assert!(!corrected.replayed());
    assert_eq!(h.count(|c| &c.create), 1);
    assert_eq!(h.rows().await, vec![done("key-1", 201)]);
}

#[tokio::test]
async fn invalid_keys_are_400_and_run_nothing() {
    let h = harness().await;
    let body = json!({"name": "w"}).to_string();
    let long = "k".repeat(256);
    for key in [long.as_str(), ""] {
        let reply = h.post_raw(CREATE, Some(key), None, &body).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{reply:?}");
        let problem = reply.json();
        assert_eq!(problem["code"], "idempotency_key_invalid");
        assert!(!problem.to_string().contains(&long));
    }
    let max = h
        .post_raw(CREATE, Some(&"k".repeat(255)), None, &body)
        .await;
    assert_eq!(max.status, StatusCode::CREATED);
    assert_eq!(h.count(|c| &c.create), 1);
    assert_eq!(h.rows().await.len(), 1);
}

#[tokio::test]
async fn an_expired_key_runs_again() {
    let h = harness_with(|s| s.idempotency.ttl_s = 1).await;
    let first = h.post(CREATE, "key-1", &json!({"name": "w"})).await;
    assert_eq!(first.status, StatusCode::CREATED);
    h.expire(None).await;

    let second = h.post(CREATE, "key-1", &json!({"name": "w"})).await;
    assert_eq!(second.status, StatusCode::CREATED);
    assert!(!second.replayed());
    assert_ne!(second.json()["id"], first.json()["id"]);
    assert_eq!(h.count(|c| &c.create), 2);
    assert_eq!(h.rows().await, vec![done("key-1", 201)]);

    // An expired key is free for any request, not only the same one.
    h.expire(None).await;
    let other = h.post(CREATE, "key-1", &json!({"name": "v"})).await;
    assert_eq!(other.status, StatusCode::CREATED);
    assert_eq!(h.count(|c| &c.create), 3);
}

#[tokio::test]
async fn purge_expired_deletes_only_expired_keys() {
    let h = harness().await;
    for key in ["a", "b", "c"] {
        let reply = h.post(CREATE, key, &json!({"name": key})).await;
        assert_eq!(reply.status, StatusCode::CREATED);
    }
    h.expire(Some("a")).await;
    h.expire(Some("c")).await;
    let purged = h
        .app
        .ctx
        .db
        .run(|conn| {
            haven_platform::idempotency::purge_expired(conn, haven_platform::time::now_utc())
                .map_err(DbError::from)
        })
        .await
        .unwrap();
    assert_eq!(purged, 2);
    assert_eq!(h.rows().await, vec![done("b", 201)]);
}

#[tokio::test]
async fn the_openapi_document_declares_the_header_on_opted_in_operations_only() {
    let h = harness().await;
    let spec: Value = serde_json::from_str(&h.app.spec_json).unwrap();
    let params = |path: &str| spec["paths"][path]["post"]["parameters"].clone();
    let header = params("/v1/test/groups/{group}/widgets")
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Idempotency-Key")
        .cloned()
        .unwrap();
    assert_eq!(header["in"], "header");
    assert_eq!(header["required"], false);
    assert_eq!(header["schema"]["type"], "string");
    assert!(
        header["description"]
            .as_str()
            .is_some_and(|d| d.contains("retry")),
        "{header}"
    );
    let plain = params("/v1/test/widgets/plain");
    assert!(!plain.to_string().contains("Idempotency-Key"), "{plain}");
}

#[tokio::test]
async fn operations_that_do_not_declare_the_header_are_untouched() {
    let h = harness().await;
    let body = json!({"name": "w"}).to_string();
    let long = "k".repeat(300);
    for key in ["key-1", "key-1", long.as_str()] {
        let reply = h
            .post_raw("/v1/test/widgets/plain", Some(key), None, &body)
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
        assert!(!reply.replayed());
    }
    assert_eq!(h.count(|c| &c.plain), 3);
    assert_eq!(h.rows().await, vec![]);

    // And opted-in operations without the header run every time.
    for _ in 0..2 {
        let reply = h.post_raw(CREATE, None, None, &body).await;
        assert_eq!(reply.status, StatusCode::CREATED);
    }
    assert_eq!(h.count(|c| &c.create), 2);
    assert_eq!(h.rows().await, vec![]);
}

#[tokio::test]
async fn twenty_concurrent_requests_with_one_key_run_once() {
    let h = harness().await;
    let body = json!({"name": "w"});
    let replies =
        futures_util::future::join_all((0..20).map(|_| h.post(CREATE, "race", &body))).await;
    assert_eq!(h.count(|c| &c.create), 1);
    let executed: Vec<&Reply> = replies
        .iter()
        .filter(|r| r.status == StatusCode::CREATED && !r.replayed())
        .collect();
    assert_eq!(executed.len(), 1, "{replies:?}");
    let original = &executed[0].body;
    for reply in &replies {
        match reply.status {
            StatusCode::CONFLICT => {
                assert_eq!(reply.json()["code"], "idempotency_key_in_use");
            }
            StatusCode::CREATED => assert_eq!(&reply.body, original),
            other => panic!("unexpected {other}: {reply:?}"),
        }
    }
    assert_eq!(h.rows().await, vec![done("race", 201)]);
}

#[tokio::test]
async fn replays_and_conflicts_are_counted_without_keys_in_labels() {
    let handle = haven_platform::observability::metrics::install();
    let h = harness().await;
    let key = "metric-key-5d1f";
    h.post(CREATE, key, &json!({"name": "w"})).await;
    h.post(CREATE, key, &json!({"name": "w"})).await;
    h.post(CREATE, key, &json!({"name": "v"})).await;
    let text = handle.render();
    assert!(text.contains("haven_idempotency_replays_total"), "{text}");
    assert!(
        text.contains("haven_idempotency_conflicts_total{code=\"idempotency_key_reused\"}"),
        "{text}"
    );
    assert!(!text.contains(key));
}
