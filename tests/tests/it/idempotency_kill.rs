//! The tester's scenario of issue 8 point 9 with the real binary on PostgreSQL: a keyed
//! registration's node is `kill -9`ed after the registration's writes and before its
//! response is stored, another node starts, and the retry with the same key gets the
//! registration (one account, one verification email) as soon as the dead node's
//! heartbeats are missed, not after the lease and never as `409 email_taken`.
//!
//! The kill point is made deterministic with a test-only trigger: the UPDATE that stores
//! the response waits on an advisory lock the test holds, so the test knows the node is
//! exactly there when it kills it.

use std::time::{Duration, Instant};

use diesel::sql_types::BigInt;
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl, sql_query};
use haven_platform::nodes;
use serde_json::{Value, json};

use haven_platform::testing::{POSTGRES_ENV, TestDb};

use crate::binary::Served;

const HOLD: i64 = 4242;
const KEY: &str = "kill-9-between-writes-and-response";
const EMAIL: &str = "killed@example.com";

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    sql_query(sql).get_result::<Count>(conn).unwrap().n
}

async fn register(base: &str) -> reqwest::Result<reqwest::Response> {
    reqwest::Client::new()
        .post(format!("{base}/v1/identity/register"))
        .header("Idempotency-Key", KEY)
        .json(&json!({"email": EMAIL, "password": "correct horse battery staple"}))
        .send()
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_killed_between_its_writes_and_its_response_leaves_a_retry_that_registers_once() {
    if std::env::var(POSTGRES_ENV)
        .ok()
        .filter(|u| !u.is_empty())
        .is_none()
    {
        // The scenario needs PostgreSQL shared by two processes: a skip locally, a
        // failure under CI (issue 8 point 8).
        assert!(
            std::env::var_os("CI").is_none(),
            "{POSTGRES_ENV} must be set under CI"
        );
        eprintln!("skipped: {POSTGRES_ENV} is not set");
        return;
    }
    let db = tokio::task::spawn_blocking(|| TestDb::fresh(true))
        .await
        .unwrap();
    let mut test = PgConnection::establish(&db.url).unwrap();
    sql_query(
        "CREATE FUNCTION test_hold_store() RETURNS trigger AS $$ BEGIN \
         IF NEW.state = 'done' THEN PERFORM pg_advisory_xact_lock(4242); END IF; \
         RETURN NEW; END $$ LANGUAGE plpgsql",
    )
    .execute(&mut test)
    .unwrap();
    sql_query(
        "CREATE TRIGGER test_hold_store BEFORE UPDATE ON platform_idempotency_keys \
         FOR EACH ROW EXECUTE FUNCTION test_hold_store()",
    )
    .execute(&mut test)
    .unwrap();
    sql_query(format!("SELECT pg_advisory_lock({HOLD})"))
        .execute(&mut test)
        .unwrap();

    let env = [("HAVEN__DATABASE__URL", db.url.clone())];
    let mut a = Served::start(&env).await;
    let base = a.base.clone();
    let first = tokio::spawn(async move { register(&base).await });
    // Bounded polling of another process: until its store waits on the test's lock.
    let waiting = "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted";
    let mut polls = 0;
    while count(&mut test, waiting) == 0 {
        polls += 1;
        assert!(polls < 600, "the request never reached the store");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The account is written but not committed: it goes with the response or not at all.
    let users = format!("SELECT count(*) AS n FROM identity_users WHERE email = '{EMAIL}'");
    assert_eq!(
        count(&mut test, &users),
        0,
        "effects committed before the response"
    );

    a.child.start_kill().unwrap();
    a.child.wait().await.unwrap();
    assert!(first.await.unwrap().is_err(), "the client got no answer");
    sql_query(format!("SELECT pg_advisory_unlock({HOLD})"))
        .execute(&mut test)
        .unwrap();
    assert_eq!(
        count(&mut test, &users),
        0,
        "the kill rolled the writes back"
    );

    // The restarted service: a new node. Until A has missed its heartbeats, its claim
    // stands (409 idempotency_key_in_use); then the retry takes it over and registers.
    let b = Served::start(&env).await;
    let killed_at = Instant::now();
    let created = loop {
        let resp = register(&b.base).await.unwrap();
        let status = resp.status();
        let body: Value = resp.json().await.unwrap();
        if status != 409 {
            assert_eq!(status, 201, "{body}");
            break body;
        }
        assert_eq!(body["code"], "idempotency_key_in_use", "{body}");
        assert!(
            killed_at.elapsed() < nodes::DEAD_AFTER + Duration::from_secs(10),
            "not taken over once A missed its heartbeats"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    assert_eq!(created["email"], EMAIL);
    let id = created["id"].as_str().unwrap();
    assert_eq!(count(&mut test, &users), 1);
    let events = format!(
        "SELECT count(*) AS n FROM platform_outbox_events \
         WHERE event_type = 'identity.email_verification_requested' AND payload LIKE '%{id}%'"
    );
    assert_eq!(count(&mut test, &events), 1);

    let again = register(&b.base).await.unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let replayed: Value = again.json().await.unwrap();
    assert_eq!(replayed, created);
    assert_eq!(count(&mut test, &users), 1);
}
