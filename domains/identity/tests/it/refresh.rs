//! `POST /v1/identity/token/refresh`: rotation, reuse detection, the grace window.

use haven_platform::testing::{AssertProblem, TestApp};
use poem::http::StatusCode;
use serde_json::{Value, json};

use crate::{app, post};

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
    let first = app.member().await.tokens.body;
    let second = refreshed(&app, &first).await;
    assert_eq!(second["session_id"], first["session_id"]);
    assert_eq!(second["token_type"], "Bearer");
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    let principal = app
        .ctx
        .auth
        .verify(second["access_token"].as_str().unwrap())
        .unwrap();
    assert_eq!(
        principal.session_id.to_string(),
        first["session_id"].as_str().unwrap()
    );
    let third = refreshed(&app, &second).await;
    assert_ne!(third["refresh_token"], second["refresh_token"]);

    let resp = post(
        &app,
        "/v1/identity/token/refresh",
        &json!({"refresh_token": "not-a-token"}),
    )
    .await;
    resp.assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
}

#[tokio::test]
async fn a_retry_within_the_grace_window_gets_the_same_pair() {
    let app = app().await;
    let first = app.member().await.tokens.body;
    let a = refreshed(&app, &first).await;
    let b = refreshed(&app, &first).await;
    assert_eq!(a, b);
    // The pair still works.
    refreshed(&app, &a).await;
}

#[tokio::test]
async fn concurrent_refreshes_all_succeed_with_the_same_pair() {
    let app = app().await;
    let first = app.member().await.tokens.body;
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
    let first = app.member().await.tokens.body;
    let second = refreshed(&app, &first).await;
    set_used_at_back(&app, 11).await;
    refresh(&app, &first)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
    // The legitimate holder's newer token is dead too.
    refresh(&app, &second)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
    let user_id = app
        .ctx
        .auth
        .verify(first["access_token"].as_str().unwrap())
        .unwrap()
        .user_id;
    assert!(
        crate::security_events(&app, &user_id.to_string())
            .await
            .contains(&"refresh_token_reused".to_owned())
    );
}

#[tokio::test]
async fn a_logged_out_session_cannot_refresh_and_unknown_fields_are_400() {
    let app = app().await;
    let first = app.member().await.tokens.body;
    app.client
        .post("/v1/identity/logout")
        .header(
            "authorization",
            format!("Bearer {}", first["access_token"].as_str().unwrap()),
        )
        .send()
        .await
        .assert_status(poem::http::StatusCode::NO_CONTENT);
    refresh(&app, &first)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
    let resp = post(
        &app,
        "/v1/identity/token/refresh",
        &json!({"refresh_token": first["refresh_token"], "session_id": "ses_x"}),
    )
    .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
}

/// Moves `column` of every row of `table` `seconds` into the past.
async fn backdate(app: &TestApp, sql_table: &'static str, column: &'static str, seconds: i64) {
    app.ctx
        .db
        .run(move |conn| {
            use diesel::prelude::*;
            let then = haven_platform::time::now_utc() - chrono::Duration::seconds(seconds);
            diesel::sql_query(format!("UPDATE {sql_table} SET {column} = $1"))
                .bind::<diesel::sql_types::Timestamp, _>(then)
                .execute(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
}

async fn app_with(
    configure: impl FnOnce(&mut haven_platform::config::IdentitySettings),
) -> TestApp {
    haven_app::testing::builder()
        .settings(|s| configure(&mut s.identity))
        .build(haven_app::wiring::build_app)
        .await
}

/// How long until the unused refresh token expires.
async fn unused_token_expires_in(app: &TestApp) -> chrono::Duration {
    let expiries: Vec<chrono::NaiveDateTime> = app
        .ctx
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use haven_identity::schema::identity_refresh_tokens::dsl::*;
            identity_refresh_tokens
                .filter(used_at.is_null())
                .select(expires_at)
                .load(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(expiries.len(), 1, "one live token per session");
    expiries[0] - haven_platform::time::now_utc()
}

#[tokio::test]
async fn a_refresh_token_unused_for_the_idle_ttl_expires() {
    let app = app_with(|i| i.refresh_idle_ttl_s = 600).await;
    let first = app.member().await.tokens.body;
    let left = unused_token_expires_in(&app).await;
    assert!((590..=600).contains(&left.num_seconds()), "{left}");
    let second = refreshed(&app, &first).await;
    let left = unused_token_expires_in(&app).await;
    assert!((590..=600).contains(&left.num_seconds()), "{left}");
    // Expired a second ago.
    backdate(&app, "identity_refresh_tokens", "expires_at", 1).await;
    refresh(&app, &second)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
}

#[tokio::test]
async fn a_session_ends_at_its_maximum_age_however_active() {
    let app = app_with(|i| {
        i.refresh_idle_ttl_s = 600;
        i.session_max_age_s = 3_600;
    })
    .await;
    let first = app.member().await.tokens.body;
    // Opened 59 minutes ago: refreshes, and the new token expires with the session.
    backdate(&app, "identity_sessions", "created_at", 59 * 60).await;
    let second = refreshed(&app, &first).await;
    let left = unused_token_expires_in(&app).await;
    assert!(
        left <= chrono::Duration::seconds(61),
        "capped by the session's age, not the idle TTL: {left}"
    );
    // Opened 61 minutes ago: over.
    backdate(&app, "identity_sessions", "created_at", 61 * 60).await;
    refresh(&app, &second)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
}

#[tokio::test]
async fn the_grace_window_is_configurable() {
    let app = app_with(|i| i.refresh_reuse_grace_s = 30).await;
    let first = app.member().await.tokens.body;
    let second = refreshed(&app, &first).await;
    // 20 s after first use: outside the default 10 s, inside the configured 30 s.
    set_used_at_back(&app, 20).await;
    assert_eq!(refreshed(&app, &first).await, second);
    set_used_at_back(&app, 31).await;
    refresh(&app, &first)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
    refresh(&app, &second)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
}
