//! The test kit's account port, adapted here as every port is (feature `test-support`,
//! for test crates only): the platform's signed-in fixtures create accounts through
//! identity's service and sign in through identity's HTTP API.
//!
//! A domain's tests start with `let app = haven_app::testing::app().await;` and get a
//! signed-in account with `let member = app.member().await;`.

// Test set-up that cannot proceed must stop the test loudly; there is no caller to recover.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::sync::Arc;

use futures_util::future::BoxFuture;
use haven_identity::IdentityService;
use haven_identity::accounts::model::RegisterInput;
use haven_identity::mfa::service::MFA_REQUIRED_ROLES;
use haven_platform::auth::Role;
use haven_platform::testing::{
    Authenticator, Login, TestAccounts, TestApp, TestAppBuilder, Tokens,
};
use poem::http::StatusCode;
use poem::test::TestResponse;
use serde_json::{Value, json};

use crate::wiring;

/// A test app builder with the account port installed; finish with
/// `.build(haven_app::wiring::build_app)`.
pub fn builder() -> TestAppBuilder {
    TestApp::builder().accounts(Arc::new(IdentityAccounts))
}

/// The fully wired app on a fresh database, with the signed-in fixtures available.
pub async fn app() -> TestApp {
    builder().build(wiring::build_app).await
}

/// Identity's accounts behind the platform's [`TestAccounts`] port.
#[derive(Debug, Clone, Copy)]
pub struct IdentityAccounts;

async fn post(app: &TestApp, path: &str, token: Option<&str>, body: &Value) -> TestResponse {
    let mut req = app.client.post(path).body_json(body);
    if let Some(token) = token {
        req = req.header("authorization", format!("Bearer {token}"));
    }
    req.send().await
}

async fn ok(resp: TestResponse, status: StatusCode) -> Value {
    let actual = resp.0.status();
    let body: Value = resp.json().await.value().deserialize();
    assert_eq!(actual, status, "test account set-up: {body}");
    body
}

impl TestAccounts for IdentityAccounts {
    fn create<'a>(
        &'a self,
        app: &'a TestApp,
        email: &'a str,
        password: &'a str,
        roles: &'a [Role],
    ) -> BoxFuture<'a, String> {
        Box::pin(async move {
            let input = RegisterInput {
                email: email.to_owned(),
                password: password.to_owned(),
                display_name: None,
            };
            let user = IdentityService::new(&app.ctx)
                .create_user(input, roles.to_vec())
                .await
                .unwrap_or_else(|e| panic!("create the test account {email}: {e}"));
            user.id.to_string()
        })
    }

    fn login<'a>(&'a self, app: &'a TestApp, login: Login<'a>) -> BoxFuture<'a, TestResponse> {
        Box::pin(async move {
            let mut body = json!({"email": login.email, "password": login.password});
            if let Some(label) = login.device_label {
                body["device_label"] = json!(label);
            }
            post(app, "/v1/identity/login", None, &body).await
        })
    }

    fn asks_second_factor(&self, answer: &Value) -> bool {
        answer["status"] == "mfa_required"
    }

    fn second_factor<'a>(
        &'a self,
        app: &'a TestApp,
        answer: &'a Value,
        code: &'a str,
    ) -> BoxFuture<'a, TestResponse> {
        Box::pin(async move {
            let body = json!({"mfa_token": answer["mfa_token"], "code": code});
            post(app, "/v1/identity/login/mfa", None, &body).await
        })
    }

    fn tokens(&self, answer: Value) -> Tokens {
        let field = |name: &str| {
            answer[name]
                .as_str()
                .unwrap_or_else(|| panic!("no {name} in the token answer {answer}"))
                .to_owned()
        };
        Tokens {
            access_token: field("access_token"),
            refresh_token: field("refresh_token"),
            session_id: field("session_id"),
            body: answer,
        }
    }

    fn requires_second_factor(&self, roles: &[Role]) -> bool {
        roles.iter().any(|r| MFA_REQUIRED_ROLES.contains(r))
    }

    fn enroll_totp<'a>(
        &'a self,
        app: &'a TestApp,
        tokens: &'a Tokens,
    ) -> BoxFuture<'a, (Authenticator, Tokens)> {
        Box::pin(async move {
            let access = Some(tokens.access_token.as_str());
            let started = post(app, "/v1/identity/me/mfa/totp", access, &json!({})).await;
            let started = ok(started, StatusCode::CREATED).await;
            let mut authenticator = Authenticator::new(started["secret"].as_str().unwrap());
            let code = json!({"code": authenticator.fresh_code()});
            let confirmed = post(app, "/v1/identity/me/mfa/totp/confirm", access, &code).await;
            ok(confirmed, StatusCode::OK).await;
            // The enrolling session's next tokens carry the factor (`amr` has `otp`).
            let refresh = json!({"refresh_token": tokens.refresh_token});
            let refreshed = post(app, "/v1/identity/token/refresh", None, &refresh).await;
            let refreshed = self.tokens(ok(refreshed, StatusCode::OK).await);
            (authenticator, refreshed)
        })
    }
}
