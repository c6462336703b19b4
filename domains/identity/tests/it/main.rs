//! Integration tests of the identity domain on the fully wired app. Every test runs on
//! SQLite, and on PostgreSQL when `HAVEN_TEST_POSTGRES_URL` is set.

// Test helpers panic on failure by design; clippy only exempts `#[test]` functions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod account_email;
mod admin;
mod admin_disable;
mod admin_guard;
mod admin_roles;
mod admin_support;
mod eligibility;
mod email_delivery;
mod erasure;
mod exports;
mod keys;
mod lockout;
mod login;
mod mass_assignment;
mod memberships;
mod mfa;
mod mfa_account;
mod mfa_login;
mod org_support;
mod organizations;
mod passwords;
mod privacy_support;
mod profile;
mod refresh;
mod register;
mod roles_migration;
mod sessions;

use haven_platform::testing::TestApp;
use poem::test::TestResponse;
use serde_json::{Value, json};

/// The password of the accounts the tests register (the fixtures' own).
pub const PASSWORD: &str = haven_platform::testing::TEST_PASSWORD;

/// The real app on a fresh database, with the platform's signed-in fixtures.
pub async fn app() -> TestApp {
    haven_app::testing::app().await
}

/// The real app with the login rate limits raised out of the way (tests of other things
/// that log in many times from one client).
pub async fn app_without_login_limits() -> TestApp {
    haven_app::testing::builder()
        .settings(|s| {
            for policy in ["identity_login_email", "identity_login_ip"] {
                s.rate_limits.insert(
                    policy.to_owned(),
                    haven_platform::config::RateLimitPolicy {
                        limit: 10_000,
                        window_s: 300,
                    },
                );
            }
        })
        .build(haven_app::wiring::build_app)
        .await
}

/// `POST path` with a JSON body.
pub async fn post(app: &TestApp, path: &str, body: &Value) -> TestResponse {
    app.client
        .post(path)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
}

/// Registers `email` with [`PASSWORD`] and returns the created user.
pub async fn register(app: &TestApp, email: &str) -> Value {
    let resp = post(
        app,
        "/v1/identity/register",
        &json!({"email": email, "password": PASSWORD}),
    )
    .await;
    resp.assert_status(poem::http::StatusCode::CREATED);
    resp.json().await.value().deserialize()
}

/// The kinds of the user's security events, oldest first.
pub async fn security_events(app: &TestApp, user_id: &str) -> Vec<String> {
    let id = user_id.parse().unwrap();
    app.ctx
        .db
        .run(move |conn| {
            haven_identity::security_events::repo::security_events_of(conn, id)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect()
}
