//! Idempotency that survives a crash (issue 8 point 9), on the real registration: a
//! node "dies" (a test fault point) after the endpoint's writes and before its response
//! reaches the client, and a retry with the same key, on another node sharing the
//! database, gets the registration: one account, one verification email queued, never
//! `409 email_taken`. A claim of a node that still heartbeats stays `409
//! idempotency_key_in_use`; one of a node that stopped is taken over at once, by exactly
//! one of several racing retries.

use diesel::sql_query;
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::{ExpressionMethods, QueryDsl, QueryableByName, RunQueryDsl};
use haven_platform::idempotency::fault::{self, Fault};
use haven_platform::testing::{TEST_BUILD, TestApp};
use haven_platform::{DbError, PlatformContext, nodes};
use poem::endpoint::BoxEndpoint;
use poem::http::StatusCode;
use poem::test::TestClient;
use serde_json::{Value, json};

const REGISTER: &str = "/v1/identity/register";
const PASSWORD: &str = "correct horse battery staple";

/// One node: its own pools and app on the shared database, registered as heartbeating.
struct Node {
    ctx: PlatformContext,
    client: TestClient<BoxEndpoint<'static>>,
}

/// What a client got.
struct Reply {
    status: StatusCode,
    replayed: bool,
    body: Vec<u8>,
}

impl std::fmt::Debug for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reply")
            .field("status", &self.status)
            .field("replayed", &self.replayed)
            .field("body", &String::from_utf8_lossy(&self.body))
            .finish()
    }
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

impl Node {
    /// The test app's own node.
    async fn of(app: &TestApp) -> Self {
        let client = TestClient::new(haven_app::wiring::build_app(&app.ctx).endpoint);
        Self::join(app.ctx.clone(), client).await
    }

    /// Another node on `app`'s database.
    async fn beside(app: &TestApp) -> Self {
        let ctx = PlatformContext::new((*app.ctx.settings).clone(), TEST_BUILD).unwrap();
        let client = TestClient::new(haven_app::wiring::build_app(&ctx).endpoint);
        Self::join(ctx, client).await
    }

    async fn join(ctx: PlatformContext, client: TestClient<BoxEndpoint<'static>>) -> Self {
        nodes::register(&ctx.db, ctx.node, "test").await.unwrap();
        Self { ctx, client }
    }

    /// Registers with `key` and dies at `fault`: the client gets no answer.
    async fn crash_registering(&self, key: &str, email: &str, fault: Fault) {
        fault::arm(key, fault);
        let first = self.register(key, email).await;
        assert_eq!(first.status, StatusCode::BAD_GATEWAY, "{first:?}");
        assert_eq!(first.json()["code"], "node_crashed");
    }

    async fn register(&self, key: &str, email: &str) -> Reply {
        let resp = self
            .client
            .post(REGISTER)
            .header("Idempotency-Key", key)
            .body_json(&json!({"email": email, "password": PASSWORD}))
            .send()
            .await;
        let status = resp.0.status();
        let replayed = resp.0.headers().get("idempotent-replayed").is_some();
        let body = resp.0.into_body().into_vec().await.unwrap();
        Reply {
            status,
            replayed,
            body,
        }
    }

    /// Makes this node's last heartbeat older than `nodes::DEAD_AFTER`, as a node killed
    /// that long ago leaves it.
    async fn stop_heartbeating(&self, on: &TestApp) {
        let id = self.ctx.node.to_string();
        let long_ago = haven_platform::time::now_utc()
            - chrono::TimeDelta::from_std(nodes::DEAD_AFTER).unwrap()
            - chrono::TimeDelta::seconds(1);
        let n = on
            .ctx
            .db
            .run(move |conn| {
                diesel::update(haven_platform::schema::platform_nodes::table.find(id))
                    .set(haven_platform::schema::platform_nodes::last_seen_at.eq(long_ago))
                    .execute(conn)
                    .map_err(DbError::from)
            })
            .await
            .unwrap();
        assert_eq!(n, 1);
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Claim {
    #[diesel(sql_type = Text)]
    state: String,
    #[diesel(sql_type = Nullable<Text>)]
    node_id: Option<String>,
}

async fn count(app: &TestApp, sql: String) -> i64 {
    app.ctx
        .db
        .run(move |conn| {
            sql_query(sql)
                .get_result::<Count>(conn)
                .map_err(DbError::from)
        })
        .await
        .unwrap()
        .n
}

/// `(accounts with email, verification events for user_id)`.
async fn registrations(app: &TestApp, email: &str, user_id: &str) -> (i64, i64) {
    let users = count(
        app,
        format!("SELECT count(*) AS n FROM identity_users WHERE email = '{email}'"),
    )
    .await;
    let events = count(
        app,
        format!(
            "SELECT count(*) AS n FROM platform_outbox_events \
             WHERE event_type = 'identity.email_verification_requested' \
             AND payload LIKE '%{user_id}%'"
        ),
    )
    .await;
    (users, events)
}

/// The claim row of `key`.
async fn claim(app: &TestApp, key: &str) -> (String, Option<String>) {
    let key = key.to_owned();
    let row = app
        .ctx
        .db
        .run(move |conn| {
            sql_query(format!(
                "SELECT state, node_id FROM platform_idempotency_keys WHERE key = '{key}'"
            ))
            .get_result::<Claim>(conn)
            .map_err(DbError::from)
        })
        .await
        .unwrap();
    (row.state, row.node_id)
}

fn assert_in_use(reply: &Reply) {
    assert_eq!(reply.status, StatusCode::CONFLICT, "{reply:?}");
    assert_eq!(reply.json()["code"], "idempotency_key_in_use");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_dying_before_commit_leaves_nothing_and_the_retry_elsewhere_registers_once() {
    let app = TestApp::builder().build(haven_app::wiring::build_app).await;
    let (a, b) = (Node::of(&app).await, Node::beside(&app).await);
    let (key, email) = ("crash-before-commit", "before@example.com");

    a.crash_registering(key, email, Fault::CrashBeforeCommit)
        .await;
    // The account and its email were written, then died with the node's transaction.
    assert_eq!(registrations(&app, email, "usr_").await, (0, 0));
    assert_eq!(
        claim(&app, key).await,
        ("running".to_owned(), Some(a.ctx.node.to_string()))
    );

    // While A heartbeats, its claim is its own: no takeover.
    assert_in_use(&b.register(key, email).await);

    // Once A has missed its heartbeats, the first retry takes the claim over at once
    // (not after the request timeout + 60 s lease) and registers.
    a.stop_heartbeating(&app).await;
    let retry = b.register(key, email).await;
    assert_eq!(retry.status, StatusCode::CREATED, "{retry:?}");
    assert!(!retry.replayed);
    let user = retry.json();
    assert_eq!(user["email"], email);
    let id = user["id"].as_str().unwrap();
    assert_eq!(registrations(&app, email, id).await, (1, 1));
    assert_eq!(
        claim(&app, key).await,
        ("done".to_owned(), Some(b.ctx.node.to_string()))
    );

    // Every later retry, on any node, replays that answer byte for byte.
    for node in [&a, &b] {
        let again = node.register(key, email).await;
        assert_eq!(again.status, StatusCode::CREATED);
        assert!(again.replayed);
        assert_eq!(again.body, retry.body);
    }
    assert_eq!(registrations(&app, email, id).await, (1, 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_dying_after_commit_is_answered_by_the_retry_with_the_committed_response() {
    let app = TestApp::builder().build(haven_app::wiring::build_app).await;
    let (a, b) = (Node::of(&app).await, Node::beside(&app).await);
    let (key, email) = ("crash-after-commit", "after@example.com");

    a.crash_registering(key, email, Fault::CrashAfterCommit)
        .await;
    // Committed: the account, its email and the response, together.
    assert_eq!(
        count(
            &app,
            format!("SELECT count(*) AS n FROM identity_users WHERE email = '{email}'")
        )
        .await,
        1
    );
    assert_eq!(claim(&app, key).await.0, "done");

    // A is alive and the claim done: the retry (on another node) gets the response the
    // first request would have answered, not `409 email_taken`.
    let retry = b.register(key, email).await;
    assert_eq!(retry.status, StatusCode::CREATED, "{retry:?}");
    assert!(retry.replayed);
    let user = retry.json();
    assert_eq!(user["email"], email);
    let id = user["id"].as_str().unwrap();
    assert_eq!(registrations(&app, email, id).await, (1, 1));
    assert_eq!(a.register(key, email).await.body, retry.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_retries_on_two_nodes_take_a_dead_nodes_claim_over_once() {
    let app = TestApp::builder().build(haven_app::wiring::build_app).await;
    let a = Node::of(&app).await;
    let (b, c) = (Node::beside(&app).await, Node::beside(&app).await);
    let (key, email) = ("crash-then-race", "race@example.com");

    a.crash_registering(key, email, Fault::CrashBeforeCommit)
        .await;
    a.stop_heartbeating(&app).await;

    let retries = (0..8).map(|i| {
        let node = if i % 2 == 0 { &b } else { &c };
        node.register(key, email)
    });
    let replies = futures_util::future::join_all(retries).await;
    let created: Vec<&Reply> = replies
        .iter()
        .filter(|r| r.status == StatusCode::CREATED)
        .collect();
    let ran: Vec<&&Reply> = created.iter().filter(|r| !r.replayed).collect();
    assert_eq!(ran.len(), 1, "exactly one retry runs: {replies:?}");
    for reply in &replies {
        if reply.status == StatusCode::CREATED {
            assert_eq!(reply.body, ran[0].body);
        } else {
            // Still running on the node that took it over.
            assert_in_use(reply);
        }
    }
    let id = ran[0].json()["id"].as_str().unwrap().to_owned();
    assert_eq!(registrations(&app, email, &id).await, (1, 1));
    let (state, owner) = claim(&app, key).await;
    assert_eq!(state, "done");
    assert!(owner == Some(b.ctx.node.to_string()) || owner == Some(c.ctx.node.to_string()));
}
