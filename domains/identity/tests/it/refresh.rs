//! `POST /v1/identity/token/refresh`: rotation, reuse detection, the grace window.

use haven_platform::testing::TestApp;
use serde_json::{Value, json};

use crate::{PASSWORD, app, post, problem, register};

async fn login(app: &TestApp) -> Value {
    register(app, "fresh@example.com").await;
    let resp = post(
        app,
        "/v1/identity/login",
        &json!({"email": "fresh@example.com", "password": PASSWORD}),
    )
    .await;
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

async fn refresh(app: &TestApp, token: &Value) -> poem::test::TestResponse {
    post(
        app,
        "/v1/identity/token/refresh",
        &json!({"refresh_token": token["refresh_token"]}),
    )
    .await
}

async fn refreshed(app: &TestApp, token: &Value) -> Value {
    let resp = refresh(app, token).await;
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

async fn set_used_at_back(app: &TestApp, seconds: i64) {
    app.ctx
        .db
        .run(move |conn| {
            use diesel::prelude::*;
            use haven_identity::schema::identity_refresh_tokens::dsl::*;
            let then = haven_platform::time::now_utc() - chrono::Duration::seconds(seconds);
            diesel::update(identity_refresh_tokens.filter(used_at.is_not_null()))
                .set(used_at.eq(then))
                .execute(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn a_refresh_rotates_the_refresh_token_and_the_new_access_token_works() {
    let app = app().await;
    let first = login(&app).await;
    let second = refreshed(&app, &first).await;
    assert_eq!(second["session_id"], first["session_id"]);
    assert_eq!(second["token_type"], "Bearer");
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    let principal = app
        .ctx
        .auth
        .verify(second["access_token"].as_str().unwrap())
        .unwrap();
    assert_eq!(principal.session_id, first["session_id"].as_str().unwrap());
    let third = refreshed(&app, &second).await;
    assert_ne!(third["refresh_token"], second["refresh_token"]);

    let resp = post(
        &app,
        "/v1/identity/token/refresh",
        &json!({"refresh_token": "not-a-token"}),
    )
    .await;
    let body = problem(resp, 401).await;
    assert_eq!(body["code"], "invalid_refresh_token", "{body}");
}

#[tokio::test]
async fn a_retry_within_the_grace_window_gets_the_same_pair() {
    let app = app().await;
    let first = login(&app).await;
    let a = refreshed(&app, &first).await;
    let b = refreshed(&app, &first).await;
    assert_eq!(a, b);
    // The pair still works.
    refreshed(&app, &a).await;
}

#[tokio::test]
async fn concurrent_refreshes_all_succeed_with_the_same_pair() {
    let app = app().await;
    let first = login(&app).await;
    let app = &app;
    let first = &first;
    let pairs = futures_util::future::join_all((0..8).map(|_| async move {
        let resp = refresh(app, first).await;
        resp.assert_status_is_ok();
        resp.json().await.value().deserialize::<Value>()
    }))
    .await;
    assert!(pairs.iter().all(|p| *p == pairs[0]), "{pairs:?}");
}

#[tokio::test]
async fn reuse_after_the_grace_window_revokes_the_whole_family() {
    let app = app().await;
    let first = login(&app).await;
    let second = refreshed(&app, &first).await;
    set_used_at_back(&app, 11).await;
    let body = problem(refresh(&app, &first).await, 401).await;
    assert_eq!(body["code"], "invalid_refresh_token", "{body}");
    // The legitimate holder's newer token is dead too.
    problem(refresh(&app, &second).await, 401).await;
    let user_id = app
        .ctx
        .auth
        .verify(first["access_token"].as_str().unwrap())
        .unwrap()
        .user_id;
    assert!(
        crate::security_events(&app, &user_id)
            .await
            .contains(&"refresh_token_reused".to_owned())
    );
}

#[tokio::test]
async fn a_logged_out_session_cannot_refresh_and_unknown_fields_are_400() {
    let app = app().await;
    let first = login(&app).await;
    app.client
        .post("/v1/identity/logout")
        .header(
            "authorization",
            format!("Bearer {}", first["access_token"].as_str().unwrap()),
        )
        .send()
        .await
        .assert_status(poem::http::StatusCode::NO_CONTENT);
    problem(refresh(&app, &first).await, 401).await;
    let resp = post(
        &app,
        "/v1/identity/token/refresh",
        &json!({"refresh_token": first["refresh_token"], "session_id": "ses_x"}),
    )
    .await;
    problem(resp, 400).await;
}
