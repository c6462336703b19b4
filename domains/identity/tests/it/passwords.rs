//! `PUT /v1/identity/me/password`, the rate limits of the reset and verification
//! endpoints, and concurrent uses of one reset token.

use diesel::prelude::*;
use haven_identity::schema::identity_email_tokens;
use haven_platform::config::RateLimitPolicy;
use haven_platform::testing::{AssertProblem, TestApp};
use poem::http::StatusCode;
use poem::test::TestResponse;
use serde_json::{Value, json};

use crate::account_email::{MailApp, NEW_PASSWORD, problem_without_id};
use crate::{PASSWORD, app_without_login_limits, post, register, security_events};
use haven_platform::testing::unique_email;

async fn change(app: &TestApp, access: &Value, body: &Value) -> TestResponse {
    app.client
        .put("/v1/identity/me/password")
        .header(
            "authorization",
            format!("Bearer {}", access["access_token"].as_str().unwrap()),
        )
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
}

async fn refresh(app: &TestApp, session: &Value) -> TestResponse {
    post(
        app,
        "/v1/identity/token/refresh",
        &json!({"refresh_token": session["refresh_token"]}),
    )
    .await
}

fn limit(s: &mut haven_platform::Settings, policy: &str, limit: u32) {
    s.rate_limits.insert(
        policy.to_owned(),
        RateLimitPolicy {
            limit,
            window_s: 3600,
        },
    );
}

#[tokio::test]
async fn changing_the_password_keeps_this_session_and_signs_out_the_others() {
    let app = app_without_login_limits().await;
    let user = register(&app, "hana@example.com").await;
    let user_id = user["id"].as_str().unwrap();
    let this = app.sign_in("hana@example.com", PASSWORD).await.body;
    let other = app.sign_in("hana@example.com", PASSWORD).await.body;

    let resp = change(
        &app,
        &this,
        &json!({"current_password": PASSWORD, "new_password": NEW_PASSWORD}),
    )
    .await;
    resp.assert_status(poem::http::StatusCode::NO_CONTENT);

    refresh(&app, &this).await.assert_status_is_ok();
    refresh(&app, &other)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
    app.login("hana@example.com", PASSWORD)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;
    app.login("hana@example.com", NEW_PASSWORD)
        .await
        .assert_status_is_ok();
    let events = security_events(&app, user_id).await;
    assert!(
        events.contains(&"password_changed".to_owned()),
        "{events:?}"
    );
    assert!(events.contains(&"session_revoked".to_owned()), "{events:?}");
    // One record for the other session, by the member, with the reason.
    let revoked = crate::admin_support::events_of_kind(&app, user_id, "session_revoked").await;
    assert_eq!(revoked.len(), 1, "{revoked:?}");
    assert_eq!(
        revoked[0].session_id.map(|s| s.to_string()).as_deref(),
        other["session_id"].as_str()
    );
    assert_eq!(revoked[0].actor_id, None);
    assert_eq!(revoked[0].detail.as_deref(), Some("password_changed"));
}

#[tokio::test]
async fn a_wrong_current_password_or_a_weak_new_one_changes_nothing() {
    let app = app_without_login_limits().await;
    register(&app, "ivo@example.com").await;
    let this = app.sign_in("ivo@example.com", PASSWORD).await.body;
    let other = app.sign_in("ivo@example.com", PASSWORD).await.body;

    let wrong = (change(
        &app,
        &this,
        &json!({"current_password": "not my password", "new_password": NEW_PASSWORD}),
    )
    .await)
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(wrong["errors"][0]["field"], "current_password", "{wrong}");
    assert_eq!(wrong["errors"][0]["code"], "incorrect", "{wrong}");
    let weak = (change(
        &app,
        &this,
        &json!({"current_password": PASSWORD, "new_password": "password1234"}),
    )
    .await)
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(weak["errors"][0]["field"], "new_password", "{weak}");
    assert_eq!(weak["errors"][0]["code"], "too_common", "{weak}");
    // Mass assignment: no other field may ride along.
    (change(
        &app,
        &this,
        &json!({"current_password": PASSWORD, "new_password": NEW_PASSWORD, "roles": ["admin"]}),
    )
    .await)
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    let anonymous = app
        .client
        .put("/v1/identity/me/password")
        .header("content-type", "application/json")
        .body(json!({"current_password": PASSWORD, "new_password": NEW_PASSWORD}).to_string())
        .send()
        .await;
    anonymous
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;

    app.login("ivo@example.com", PASSWORD)
        .await
        .assert_status_is_ok();
    refresh(&app, &other).await.assert_status_is_ok();
}

#[tokio::test]
async fn password_changes_are_limited_per_account() {
    let app = haven_app::testing::builder()
        .settings(|s| limit(s, "identity_change_password_user", 2))
        .build(haven_app::wiring::build_app)
        .await;
    register(&app, "jon@example.com").await;
    let this = app.sign_in("jon@example.com", PASSWORD).await.body;
    let wrong = json!({"current_password": "guess number one", "new_password": NEW_PASSWORD});
    change(&app, &this, &wrong)
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    change(&app, &this, &wrong)
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let resp = change(&app, &this, &wrong).await;
    assert!(resp.0.headers().contains_key("retry-after"));
    resp.assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        .await;
}

#[tokio::test]
async fn reset_requests_are_limited_per_address_and_per_ip() {
    let app = haven_app::testing::builder()
        .settings(|s| {
            limit(s, "identity_reset_request_email", 2);
            limit(s, "identity_reset_request_ip", 4);
        })
        .build(haven_app::wiring::build_app)
        .await;
    let request = |email: &'static str| {
        let body = json!({ "email": email });
        let app = &app;
        async move { post(app, "/v1/identity/password-reset", &body).await }
    };
    request("kim@example.com")
        .await
        .assert_status(poem::http::StatusCode::ACCEPTED);
    // The address counts case-insensitively.
    request("KIM@example.com")
        .await
        .assert_status(poem::http::StatusCode::ACCEPTED);
    request("kim@example.com")
        .await
        .assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        .await;
    request("lea@example.com")
        .await
        .assert_status(poem::http::StatusCode::ACCEPTED);
    // Fifth request from this client: over the per-IP limit whatever the address.
    request("max@example.com")
        .await
        .assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        .await;
}

#[tokio::test]
async fn token_attempts_are_limited_per_ip() {
    let app = haven_app::testing::builder()
        .settings(|s| {
            limit(s, "identity_reset_confirm_ip", 2);
            limit(s, "identity_verify_confirm_ip", 2);
        })
        .build(haven_app::wiring::build_app)
        .await;
    for (path, body) in [
        (
            "/v1/identity/password-reset/confirm",
            json!({"token": "guess", "new_password": NEW_PASSWORD}),
        ),
        (
            "/v1/identity/email-verification/confirm",
            json!({"token": "guess"}),
        ),
    ] {
        post(&app, path, &body)
            .await
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "email_token_invalid")
            .await;
        post(&app, path, &body)
            .await
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "email_token_invalid")
            .await;
        post(&app, path, &body)
            .await
            .assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited")
            .await;
    }
}

#[tokio::test]
async fn reset_attempts_and_verification_emails_are_limited_per_account() {
    let m = MailApp::start(|s| {
        limit(s, "identity_reset_confirm_user", 1);
        limit(s, "identity_verify_request_user", 1);
    })
    .await;
    let email = unique_email("noa");
    m.register(&email).await;
    m.mailbox.wait_for(&email, 1).await;
    m.request_reset(&email)
        .await
        .assert_status(poem::http::StatusCode::ACCEPTED);
    let token = m.mailbox.wait_for(&email, 2).await.remove(1).token();
    m.reset(&token, "short")
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    m.reset(&token, NEW_PASSWORD)
        .await
        .assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        .await;

    let session = m.app.sign_in(&email, PASSWORD).await.body;
    let resend = || {
        m.app
            .client
            .post("/v1/identity/me/email-verification")
            .header(
                "authorization",
                format!("Bearer {}", session["access_token"].as_str().unwrap()),
            )
            .send()
    };
    resend()
        .await
        .assert_status(poem::http::StatusCode::ACCEPTED);
    resend()
        .await
        .assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        .await;
    m.stop().await;
}

#[tokio::test]
async fn concurrent_uses_of_one_reset_token_succeed_exactly_once() {
    let m = MailApp::start(|_| {}).await;
    let email = unique_email("ola");
    let user_id = m.register(&email).await;
    m.mailbox.wait_for(&email, 1).await;
    m.request_reset(&email)
        .await
        .assert_status(poem::http::StatusCode::ACCEPTED);
    let token = m.mailbox.wait_for(&email, 2).await.remove(1).token();

    let passwords: Vec<String> = (0..8)
        .map(|i| format!("concurrent passphrase {i}"))
        .collect();
    let results =
        futures_util::future::join_all(passwords.iter().map(|p| m.reset(&token, p))).await;
    let mut winners = Vec::new();
    for (resp, password) in results.into_iter().zip(&passwords) {
        match resp.0.status().as_u16() {
            204 => winners.push(password.clone()),
            422 => {
                let body = problem_without_id(
                    resp,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "email_token_invalid",
                )
                .await;
                assert_eq!(body["code"], "email_token_invalid");
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(winners.len(), 1, "exactly one reset wins");
    m.app.login(&email, &winners[0]).await.assert_status_is_ok();
    let events = security_events(&m.app, &user_id).await;
    assert_eq!(
        events.iter().filter(|k| *k == "password_reset").count(),
        1,
        "{events:?}"
    );
    let id = user_id.clone();
    let unused: i64 = m
        .app
        .ctx
        .db
        .run(move |conn| {
            identity_email_tokens::table
                .filter(identity_email_tokens::user_id.eq(&id))
                .filter(identity_email_tokens::purpose.eq("reset_password"))
                .filter(identity_email_tokens::used_at.is_null())
                .count()
                .get_result(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(unused, 0);
    m.stop().await;
}

#[tokio::test]
async fn a_retried_reset_with_its_idempotency_key_replays_the_success() {
    let m = MailApp::start(|_| {}).await;
    let email = unique_email("pam");
    m.register(&email).await;
    m.mailbox.wait_for(&email, 1).await;
    m.request_reset(&email)
        .await
        .assert_status(poem::http::StatusCode::ACCEPTED);
    let token = m.mailbox.wait_for(&email, 2).await.remove(1).token();
    let body = json!({"token": token, "new_password": NEW_PASSWORD}).to_string();
    let send = || {
        m.app
            .client
            .post("/v1/identity/password-reset/confirm")
            .header("content-type", "application/json")
            .header("idempotency-key", "reset-retry-1")
            .body(body.clone())
            .send()
    };
    send()
        .await
        .assert_status(poem::http::StatusCode::NO_CONTENT);
    // The client lost the answer and retries: the token is used, yet it gets the 204 again.
    let retry = send().await;
    retry.assert_status(poem::http::StatusCode::NO_CONTENT);
    retry.assert_header("idempotent-replayed", "true");
    // Without the key the used token is, as always, invalid.
    m.reset(&token, NEW_PASSWORD)
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "email_token_invalid")
        .await;
    m.stop().await;
}
