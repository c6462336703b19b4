//! `POST /v1/identity/me/delete` and `GET /v1/identity/me/erasure`: re-authentication,
//! the request's single transaction, one retried job per mounted module, completion only
//! when every module is done, pseudonymization, and re-registration of the address.

use std::sync::atomic::Ordering;

use diesel::prelude::*;
use haven_identity::schema::{
    identity_email_tokens, identity_erasure_steps, identity_erasures, identity_refresh_tokens,
    identity_sessions, identity_users,
};
use haven_platform::schema::{platform_jobs, platform_outbox_events};
use haven_platform::testing::{AssertProblem, Login, TestApp, wait_until};
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::privacy_support::{Probe, WAIT, app_with, call, covered_modules, query, workers};
use crate::{PASSWORD, post, register, security_events};

const DELETE: &str = "/v1/identity/me/delete";
const ERASURE: &str = "/v1/identity/me/erasure";

async fn erasure(app: &TestApp, tokens: &Value) -> Value {
    let resp = call(app, Method::GET, ERASURE, tokens, None).await;
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

fn step<'a>(erasure: &'a Value, module: &str) -> &'a Value {
    erasure["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["module"] == module)
        .unwrap_or_else(|| panic!("no step of {module}: {erasure}"))
}

async fn count_rows(app: &TestApp, user_id: &str) -> (i64, i64, i64, i64) {
    let id = user_id.to_owned();
    query(app, move |conn| {
        Ok((
            identity_erasures::table
                .filter(identity_erasures::user_id.eq(&id))
                .count()
                .get_result(conn)?,
            identity_erasure_steps::table
                .filter(identity_erasure_steps::user_id.eq(&id))
                .count()
                .get_result(conn)?,
            platform_jobs::table
                .filter(platform_jobs::kind.eq(haven_identity::erasure::service::ERASE_JOB))
                .count()
                .get_result(conn)?,
            platform_outbox_events::table
                .filter(platform_outbox_events::event_type.eq("user.erased"))
                .count()
                .get_result(conn)?,
        ))
    })
    .await
}

async fn refresh(app: &TestApp, tokens: &Value) -> poem::test::TestResponse {
    post(
        app,
        "/v1/identity/token/refresh",
        &json!({"refresh_token": tokens["refresh_token"]}),
    )
    .await
}

#[tokio::test]
async fn a_wrong_password_is_a_403_problem_and_changes_nothing() {
    let app = app_with(&Probe::new(true)).await;
    let user = register(&app, "alice@example.com").await;
    let id = user["id"].as_str().unwrap().to_owned();
    let a = app
        .sign_in_as(Login::new("alice@example.com", PASSWORD).device("laptop"))
        .await
        .body;

    (call(
        &app,
        Method::POST,
        DELETE,
        &a,
        Some(&json!({"password": "not the password at all"})),
    )
    .await)
        .assert_problem(StatusCode::FORBIDDEN, "reauthentication_failed")
        .await;
    // Mass assignment or a missing password is a 400, not an erasure.
    (call(
        &app,
        Method::POST,
        DELETE,
        &a,
        Some(&json!({"password": PASSWORD, "user_id": "usr_x"})),
    )
    .await)
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    call(&app, Method::POST, DELETE, &a, Some(&json!({})))
        .await
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;

    assert_eq!(count_rows(&app, &id).await, (0, 0, 0, 0));
    assert!(
        !security_events(&app, &id)
            .await
            .iter()
            .any(|k| k.starts_with("erasure"))
    );
    call(&app, Method::GET, ERASURE, &a, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    // The session and the credentials still work.
    refresh(&app, &a).await.assert_status_is_ok();
    app.sign_in_as(Login::new("alice@example.com", PASSWORD).device("laptop"))
        .await;
}

#[tokio::test]
async fn erasure_runs_every_module_retries_a_failing_one_and_completes_only_when_all_are_done() {
    let probe = Probe::new(false);
    let app = app_with(&probe).await;
    let user = register(&app, "Alice@Example.com").await;
    let id = user["id"].as_str().unwrap().to_owned();
    let row_id = id.clone();
    let original_hash: String = query(&app, move |conn| {
        identity_users::table
            .find(row_id)
            .select(identity_users::password_hash)
            .first(conn)
    })
    .await;
    // A pending emailed token (it holds the address) must go with the erasure.
    let token_owner = id.clone();
    query(&app, move |conn| {
        let now = haven_platform::time::now_utc();
        haven_identity::credentials::repo::insert_email_token(
            conn,
            &haven_identity::credentials::repo::EmailTokenRow {
                id: haven_identity::credentials::model::EmailTokenId::new(),
                user_id: token_owner.parse().unwrap(),
                purpose: "reset_password".to_owned(),
                token_hash: "0".repeat(64),
                email_normalized: "alice@example.com".to_owned(),
                created_at: now,
                expires_at: now + chrono::Duration::hours(1),
                used_at: None,
            },
        )
    })
    .await;
    let a = app
        .sign_in_as(Login::new("alice@example.com", PASSWORD).device("laptop"))
        .await
        .body;
    let other_device = app
        .sign_in_as(Login::new("alice@example.com", PASSWORD).device("laptop"))
        .await
        .body;
    call(
        &app,
        Method::PATCH,
        "/v1/identity/me",
        &a,
        Some(&json!({"display_name": "Alice", "time_zone": "Europe/Paris"})),
    )
    .await
    .assert_status_is_ok();

    let resp = call(
        &app,
        Method::POST,
        DELETE,
        &a,
        Some(&json!({"password": PASSWORD})),
    )
    .await;
    resp.assert_status(StatusCode::ACCEPTED);
    let accepted: Value = resp.json().await.value().deserialize();
    assert_eq!(accepted["complete"], false);
    let modules: Vec<&str> = accepted["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["module"].as_str().unwrap())
        .collect();
    let covered = crate::privacy_support::covered_modules(&app);
    assert_eq!(modules, covered);
    assert!(modules.contains(&"identity"));

    // Committed together: the erasure, one step and one job per module, the event.
    let n = covered.len() as i64;
    assert_eq!(count_rows(&app, &id).await, (1, n, n, 1));
    let payload: String = query(&app, |conn| {
        platform_outbox_events::table
            .filter(platform_outbox_events::event_type.eq("user.erased"))
            .select(platform_outbox_events::payload)
            .first(conn)
    })
    .await;
    assert_eq!(
        serde_json::from_str::<Value>(&payload).unwrap(),
        json!({"user_id": id})
    );
    // At once: signed out everywhere, login impossible, the address free.
    for tokens in [&a, &other_device] {
        refresh(&app, tokens)
            .await
            .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
            .await;
    }
    app.login("alice@example.com", PASSWORD)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;
    (call(
        &app,
        Method::POST,
        DELETE,
        &a,
        Some(&json!({"password": PASSWORD})),
    )
    .await)
        .assert_problem(StatusCode::CONFLICT, "erasure_already_requested")
        .await;
    // The still-valid access token cannot add personal data back or start an export.
    let patch = json!({"display_name": "Back"});
    call(&app, Method::PATCH, "/v1/identity/me", &a, Some(&patch))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    call(&app, Method::POST, "/v1/identity/me/export", &a, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;

    // The probe fails more often than the queue's default 3 attempts; identity and the
    // module with nothing stored finish, the erasure is not complete.
    let runtime = workers(&app);
    wait_until(
        WAIT,
        "the probe failed 4 times and the other steps are done",
        || async {
            let status = erasure(&app, &a).await;
            probe.erase_calls.load(Ordering::SeqCst) >= 4
                && step(&status, "identity")["completed_at"].is_string()
                && step(&status, "quiet")["completed_at"].is_string()
        },
    )
    .await;
    let pending = erasure(&app, &a).await;
    assert_eq!(pending["complete"], false, "{pending}");
    assert!(pending["completed_at"].is_null());
    assert!(step(&pending, "probe")["completed_at"].is_null());
    assert!(step(&pending, "probe")["attempts"].as_u64().unwrap() >= 4);
    assert_eq!(step(&pending, "identity")["outcome"], "erased");
    assert_eq!(step(&pending, "quiet")["outcome"], "nothing_stored");
    assert!(
        !security_events(&app, &id)
            .await
            .contains(&"erasure_completed".to_owned())
    );

    probe.allow_erase();
    wait_until(WAIT, "the erasure is complete", || async {
        erasure(&app, &a).await["complete"] == true
    })
    .await;
    runtime.shutdown(WAIT).await;

    let done = erasure(&app, &a).await;
    let probe_step = step(&done, "probe");
    assert_eq!(probe_step["outcome"], "erased");
    let attempts = probe_step["attempts"].as_u64().unwrap();
    assert_eq!(
        attempts,
        u64::from(probe.erase_calls.load(Ordering::SeqCst))
    );
    assert!(attempts >= 5, "{done}");
    assert_eq!(step(&done, "identity")["attempts"], 1);
    assert!(done["completed_at"].is_string());
    assert!(
        probe
            .calls()
            .iter()
            .all(|(op, user)| *op == "erase" && *user == id)
    );

    // The identity record is a pseudonymous tombstone; its events stay, keyed by the id.
    let row_id = id.clone();
    let (email, display_name, time_zone, roles, hash, disabled_at): (
        String,
        Option<String>,
        Option<String>,
        String,
        String,
        Option<chrono::NaiveDateTime>,
    ) = query(&app, move |conn| {
        identity_users::table
            .find(row_id)
            .select((
                identity_users::email,
                identity_users::display_name,
                identity_users::time_zone,
                diesel::dsl::sql::<diesel::sql_types::Text>(
                    haven_identity::accounts::repo::ROLES_JSON_SQL,
                ),
                identity_users::password_hash,
                identity_users::disabled_at,
            ))
            .first(conn)
    })
    .await;
    assert_eq!(email, format!("erased:{id}"));
    assert_eq!((display_name, time_zone), (None, None));
    assert_eq!(roles, "[]");
    assert_ne!(hash, original_hash);
    assert!(
        hash.starts_with("$argon2id$"),
        "a well-formed hash nobody knows the secret of"
    );
    assert!(disabled_at.is_some());
    let row_id = id.clone();
    let (labels, tokens): (Vec<Option<String>>, i64) = query(&app, move |conn| {
        let sessions = identity_sessions::table
            .filter(identity_sessions::user_id.eq(&row_id))
            .select(identity_sessions::id)
            .load::<String>(conn)?;
        Ok((
            identity_sessions::table
                .filter(identity_sessions::user_id.eq(&row_id))
                .filter(
                    identity_sessions::revoked_at
                        .is_null()
                        .or(identity_sessions::device_label.is_not_null())
                        .or(identity_sessions::ip_coarse.is_not_null()),
                )
                .select(identity_sessions::device_label)
                .load(conn)?,
            identity_refresh_tokens::table
                .filter(identity_refresh_tokens::session_id.eq_any(sessions))
                .count()
                .get_result(conn)?,
        ))
    })
    .await;
    assert!(labels.is_empty(), "{labels:?}");
    assert_eq!(tokens, 0);
    let token_owner = id.clone();
    let email_tokens: i64 = query(&app, move |conn| {
        identity_email_tokens::table
            .filter(identity_email_tokens::user_id.eq(&token_owner))
            .count()
            .get_result(conn)
    })
    .await;
    assert_eq!(email_tokens, 0, "mailed tokens are erased");
    let events = security_events(&app, &id).await;
    assert_eq!(
        events
            .iter()
            .filter(|k| k.starts_with("erasure"))
            .collect::<Vec<_>>(),
        ["erasure_requested", "erasure_completed"]
    );
    assert!(events.contains(&"login_succeeded".to_owned()));
    let revoked = crate::admin_support::events_of_kind(&app, &id, "session_revoked").await;
    assert!(!revoked.is_empty());
    assert!(
        revoked
            .iter()
            .all(|e| e.detail.as_deref() == Some("erasure_requested") && e.actor_id.is_none()),
        "{revoked:?}"
    );

    // Naming the tombstone is no way in either.
    let tombstone = json!({"email": format!("erased:{id}"), "password": PASSWORD});
    post(&app, "/v1/identity/login", &tombstone)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;

    // The address registers again as a new account that works.
    let again = register(&app, "alice@example.com").await;
    assert_ne!(again["id"], id.as_str());
    app.sign_in_as(Login::new("alice@example.com", PASSWORD).device("laptop"))
        .await;
}

#[tokio::test]
async fn concurrent_erasure_requests_erase_once() {
    let app = app_with(&Probe::new(true)).await;
    let user = register(&app, "alice@example.com").await;
    let id = user["id"].as_str().unwrap().to_owned();
    let a = app
        .sign_in_as(Login::new("alice@example.com", PASSWORD).device("laptop"))
        .await
        .body;
    let body = json!({"password": PASSWORD});
    let requests = (0..4).map(|_| call(&app, Method::POST, DELETE, &a, Some(&body)));
    let mut statuses: Vec<u16> = futures_util::future::join_all(requests)
        .await
        .iter()
        .map(|r| r.0.status().as_u16())
        .collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [202, 409, 409, 409]);
    // One step and one job per covered module (derived: mounting a domain edits no test).
    let steps = covered_modules(&app).len() as i64;
    assert_eq!(count_rows(&app, &id).await, (1, steps, steps, 1));
    assert_eq!(
        security_events(&app, &id)
            .await
            .iter()
            .filter(|k| *k == "erasure_requested")
            .count(),
        1
    );
}
