//! Brute-force protection on `POST /v1/identity/login`: the soft-lock and the per-email
//! and per-IP rate limits.

use diesel::prelude::*;
use haven_identity::schema::identity_security_events;
use haven_platform::config::{IdentitySettings, RateLimitPolicy};
use haven_platform::testing::{AssertProblem, TestApp};
use poem::http::StatusCode;
use poem::test::TestResponse;
use serde_json::Value;

use crate::{PASSWORD, app, register, security_events};

const WRONG: &str = "not the right password";

/// The default `identity.lockout_threshold`.
fn threshold() -> usize {
    IdentitySettings::default().lockout_threshold as usize
}

/// The `Retry-After` header and the problem body without its `request_id`.
async fn rejection(resp: TestResponse, status: StatusCode, code: &str) -> (Option<u64>, Value) {
    let retry_after = resp
        .0
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().parse::<u64>().unwrap());
    let mut body = resp.assert_problem(status, code).await;
    body.as_object_mut().unwrap().remove("request_id");
    (retry_after, body)
}

/// Moves every security event of `user_id` `minutes` into the past.
async fn backdate_events(app: &TestApp, user_id: &str, minutes: i64) {
    let id = user_id.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            let rows: Vec<(String, chrono::NaiveDateTime)> = identity_security_events::table
                .filter(identity_security_events::user_id.eq(&id))
                .select((
                    identity_security_events::id,
                    identity_security_events::created_at,
                ))
                .load(conn)?;
            for (event, at) in rows {
                diesel::update(
                    identity_security_events::table.filter(identity_security_events::id.eq(event)),
                )
                .set(
                    identity_security_events::created_at
                        .eq(at - chrono::Duration::minutes(minutes)),
                )
                .execute(conn)?;
            }
            Ok::<_, haven_platform::DbError>(())
        })
        .await
        .unwrap();
}

/// Locks `email` with [`threshold`] wrong passwords and returns the last body.
async fn lock(app: &TestApp, email: &str) -> Value {
    let mut last = Value::Null;
    for _ in 0..threshold() {
        let (retry_after, body) = rejection(
            app.login(email, WRONG).await,
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
        assert_eq!(retry_after, None, "a wrong password is no lock yet");
        last = body;
    }
    last
}

#[tokio::test]
async fn the_account_locks_after_repeated_failures_even_for_the_right_password() {
    let app = app().await;
    let user = register(&app, "ana@example.com").await;
    let user_id = user["id"].as_str().unwrap();
    let wrong_body = lock(&app, "ana@example.com").await;

    let (retry_after, locked_body) = rejection(
        app.login("ana@example.com", PASSWORD).await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    let retry_after = retry_after.expect("a locked account answers Retry-After");
    assert!((1..=15 * 60).contains(&retry_after), "{retry_after}");
    assert_eq!(
        locked_body, wrong_body,
        "locked and wrong password: one body"
    );
    assert_eq!(locked_body["code"], "invalid_credentials");

    let events = security_events(&app, user_id).await;
    let failed = events.iter().filter(|k| *k == "login_failed").count();
    assert_eq!(failed, threshold(), "{events:?}");
    assert_eq!(
        events.iter().filter(|k| *k == "account_locked").count(),
        1,
        "{events:?}"
    );
    assert!(events.iter().any(|k| k == "login_locked"), "{events:?}");
    assert!(!events.iter().any(|k| k == "login_succeeded"), "{events:?}");

    // Another account is not affected.
    register(&app, "bo@example.com").await;
    app.login("bo@example.com", PASSWORD)
        .await
        .assert_status_is_ok();
}

#[tokio::test]
async fn the_lock_ends_when_the_failures_leave_the_window() {
    let app = crate::app_without_login_limits().await;
    let user = register(&app, "cy@example.com").await;
    lock(&app, "cy@example.com").await;
    let (retry_after, _) = rejection(
        app.login("cy@example.com", PASSWORD).await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    assert!(retry_after.is_some());

    backdate_events(&app, user["id"].as_str().unwrap(), 16).await;
    app.login("cy@example.com", PASSWORD)
        .await
        .assert_status_is_ok();

    // A success starts the count again: one fewer failure than the threshold keeps it
    // open.
    for _ in 1..threshold() {
        rejection(
            app.login("cy@example.com", WRONG).await,
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
    }
    app.login("cy@example.com", PASSWORD)
        .await
        .assert_status_is_ok();
}

#[tokio::test]
async fn logins_are_rate_limited_per_email_and_per_ip() {
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.rate_limits.insert(
                "identity_login_email".to_owned(),
                RateLimitPolicy {
                    limit: 3,
                    window_s: 300,
                },
            );
            s.rate_limits.insert(
                "identity_login_ip".to_owned(),
                RateLimitPolicy {
                    limit: 6,
                    window_s: 300,
                },
            );
        })
        .build(haven_app::wiring::build_app)
        .await;
    register(&app, "di@example.com").await;
    for _ in 0..3 {
        rejection(
            app.login("di@example.com", WRONG).await,
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
    }
    // The same address in another spelling counts as the same account.
    let (retry_after, body) = rejection(
        app.login(" DI@example.com", PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
    )
    .await;
    assert_eq!(body["code"], "rate_limited", "{body}");
    assert!(retry_after.is_some_and(|s| s >= 1));

    // Other addresses from the same client: allowed until the per-IP limit (6).
    for n in 0..2 {
        rejection(
            app.login(&format!("x{n}@example.com"), WRONG).await,
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
    }
    let (_, body) = rejection(
        app.login("x9@example.com", WRONG).await,
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
    )
    .await;
    assert_eq!(body["code"], "rate_limited", "{body}");
}

#[tokio::test]
async fn the_default_login_limits_apply_without_configuration() {
    let app = app().await;
    assert!(app.ctx.limiter.policy("identity_login_email").is_none());
    let default = haven_identity::limits::LOGIN_EMAIL.default;
    let mut last = 0;
    for _ in 0..=default.limit {
        let resp = app.login("nobody@example.com", WRONG).await;
        last = resp.0.status().as_u16();
        if last == 429 {
            break;
        }
    }
    assert_eq!(
        last, 429,
        "the built-in per-email limit answers 429, never 500"
    );
}

#[tokio::test]
async fn an_unregistered_address_locks_exactly_like_a_registered_one() {
    let app = crate::app_without_login_limits().await;
    register(&app, "real@example.com").await;
    let registered_wrong = lock(&app, "real@example.com").await;
    let unknown_wrong = lock(&app, "ghost@example.com").await;
    assert_eq!(registered_wrong, unknown_wrong);

    let (real_retry, real_body) = rejection(
        app.login("real@example.com", WRONG).await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    let (ghost_retry, ghost_body) = rejection(
        app.login("Ghost@EXAMPLE.com ", WRONG).await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    assert!(real_retry.is_some() && ghost_retry.is_some(), "both locked");
    assert_eq!(
        real_body, ghost_body,
        "the lock tells nothing about registration"
    );

    // The unknown address's failures are keyed by a hash, never the address itself.
    let keys: Vec<Option<String>> = app
        .ctx
        .db
        .run(|conn| {
            identity_security_events::table
                .filter(identity_security_events::user_id.is_null())
                .filter(identity_security_events::kind.eq("login_failed"))
                .select(identity_security_events::lock_key)
                .load(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(keys.len(), threshold());
    for key in keys {
        let key = key.expect("a failure of an unknown address has a lock key");
        assert!(key.starts_with("email:") && !key.contains("ghost"), "{key}");
    }
}

#[tokio::test]
async fn the_threshold_and_window_are_configurable() {
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.identity.lockout_threshold = 3;
            s.identity.lockout_window_s = 60;
        })
        .build(haven_app::wiring::build_app)
        .await;
    let user = register(&app, "eve@example.com").await;
    for _ in 0..3 {
        let (retry_after, _) = rejection(
            app.login("eve@example.com", WRONG).await,
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
        assert_eq!(retry_after, None);
    }
    let (retry_after, _) = rejection(
        app.login("eve@example.com", PASSWORD).await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    let retry_after = retry_after.expect("locked after 3 failures");
    assert!((1..=60).contains(&retry_after), "{retry_after}");

    // Two minutes later the 60 s window has passed.
    backdate_events(&app, user["id"].as_str().unwrap(), 2).await;
    app.login("eve@example.com", PASSWORD)
        .await
        .assert_status_is_ok();
}
