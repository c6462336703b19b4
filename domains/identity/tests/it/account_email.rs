//! Email verification and password reset through the real outbox, job workers and a real
//! SMTP server (the catcher): the message arrives at the right address with a link whose
//! token works exactly once.

use std::time::Duration;

use diesel::prelude::*;
use haven_identity::schema::{identity_email_tokens, identity_sessions, identity_users};
use haven_platform::config::Secret;
use haven_platform::jobs::Runtime;
use haven_platform::testing::{AssertProblem, TestApp};
use poem::http::StatusCode;
use poem::test::TestResponse;
use serde_json::{Value, json};

use crate::{PASSWORD, post, security_events};
use haven_platform::testing::{Mailbox, unique_email};

pub const NEW_PASSWORD: &str = "a brand new passphrase";

/// The real app sending mail to a catcher, with job workers delivering the outbox.
pub struct MailApp {
    pub app: TestApp,
    pub mailbox: Mailbox,
    workers: Option<Runtime>,
}

impl MailApp {
    pub async fn start(settings: impl FnOnce(&mut haven_platform::Settings)) -> Self {
        let mailbox = Mailbox::start();
        let url = mailbox.url.clone();
        let app = haven_app::testing::builder()
            .settings(move |s| {
                s.email.smtp_url = Some(Secret::new(url));
                s.email.link_base_url = "https://app.haven.test".to_owned();
                s.email.from = "Haven <no-reply@haven.test>".to_owned();
                s.jobs.poll_interval_ms = 20;
                s.jobs.backoff_base_ms = 20;
                s.jobs.backoff_max_ms = 100;
                for policy in ["identity_login_email", "identity_login_ip"] {
                    s.rate_limits.insert(
                        policy.to_owned(),
                        haven_platform::config::RateLimitPolicy {
                            limit: 10_000,
                            window_s: 300,
                        },
                    );
                }
                settings(s);
            })
            .build(haven_app::wiring::build_app)
            .await;
        let workers = Runtime::start(
            app.ctx.db.clone(),
            app.ctx.settings.jobs.clone(),
            haven_app::wiring::job_registry(&app.ctx),
        );
        Self {
            app,
            mailbox,
            workers: Some(workers),
        }
    }

    pub async fn stop(mut self) {
        if let Some(workers) = self.workers.take() {
            workers.shutdown(Duration::from_secs(5)).await;
        }
    }

    /// Registers `email` and returns the user id.
    pub async fn register(&self, email: &str) -> String {
        let resp = post(
            &self.app,
            "/v1/identity/register",
            &json!({"email": email, "password": PASSWORD}),
        )
        .await;
        resp.assert_status(poem::http::StatusCode::CREATED);
        let user: Value = resp.json().await.value().deserialize();
        user["id"].as_str().unwrap().to_owned()
    }

    pub async fn get_me(&self, access: &str) -> Value {
        let resp = self
            .app
            .client
            .get("/v1/identity/me")
            .header("authorization", format!("Bearer {access}"))
            .send()
            .await;
        resp.assert_status_is_ok();
        resp.json().await.value().deserialize()
    }

    pub async fn confirm_email(&self, token: &str) -> TestResponse {
        post(
            &self.app,
            "/v1/identity/email-verification/confirm",
            &json!({"token": token}),
        )
        .await
    }

    pub async fn request_reset(&self, email: &str) -> TestResponse {
        post(
            &self.app,
            "/v1/identity/password-reset",
            &json!({"email": email}),
        )
        .await
    }

    pub async fn reset(&self, token: &str, password: &str) -> TestResponse {
        post(
            &self.app,
            "/v1/identity/password-reset/confirm",
            &json!({"token": token, "new_password": password}),
        )
        .await
    }

    /// `(purpose, used)` of the user's stored tokens, oldest first.
    pub async fn tokens(&self, user_id: &str) -> Vec<(String, bool)> {
        let id = user_id.to_owned();
        self.app
            .ctx
            .db
            .run(move |conn| {
                identity_email_tokens::table
                    .filter(identity_email_tokens::user_id.eq(&id))
                    .order(identity_email_tokens::id.asc())
                    .select((
                        identity_email_tokens::purpose,
                        identity_email_tokens::used_at.is_not_null(),
                    ))
                    .load::<(String, bool)>(conn)
                    .map_err(haven_platform::DbError::Query)
            })
            .await
            .unwrap()
    }

    /// The user's sessions: `(id, revoked)`.
    pub async fn sessions(&self, user_id: &str) -> Vec<(String, bool)> {
        let id = user_id.to_owned();
        self.app
            .ctx
            .db
            .run(move |conn| {
                identity_sessions::table
                    .filter(identity_sessions::user_id.eq(&id))
                    .order(identity_sessions::id.asc())
                    .select((
                        identity_sessions::id,
                        identity_sessions::revoked_at.is_not_null(),
                    ))
                    .load::<(String, bool)>(conn)
                    .map_err(haven_platform::DbError::Query)
            })
            .await
            .unwrap()
    }

    pub async fn set_email(&self, user_id: &str, email: &str) {
        let (id, email) = (user_id.to_owned(), email.to_owned());
        self.app
            .ctx
            .db
            .run(move |conn| {
                diesel::update(identity_users::table.find(&id))
                    .set((
                        identity_users::email.eq(&email),
                        identity_users::email_normalized.eq(email.to_lowercase()),
                        identity_users::email_verified_at.eq(None::<chrono::NaiveDateTime>),
                    ))
                    .execute(conn)
                    .map_err(haven_platform::DbError::Query)
            })
            .await
            .unwrap();
    }
}

/// The problem body without its `request_id`.
pub async fn problem_without_id(resp: TestResponse, status: StatusCode, code: &str) -> Value {
    let mut body = resp.assert_problem(status, code).await;
    body.as_object_mut().unwrap().remove("request_id");
    body
}

#[tokio::test]
async fn registration_emails_a_verification_link_that_works_once() {
    let m = MailApp::start(|_| {}).await;
    let email = unique_email("ana");
    let user_id = m.register(&email).await;

    let mail = m.mailbox.wait_for(&email, 1).await.remove(0);
    assert_eq!(mail.to, email);
    assert_eq!(mail.from, "Haven <no-reply@haven.test>");
    assert_eq!(mail.subject, "Confirm your email address");
    assert!(
        mail.link()
            .starts_with("https://app.haven.test/verify-email?token="),
        "{}",
        mail.link()
    );
    let token = mail.token();
    assert!(token.len() >= 43, "256-bit token: {token}");
    assert_eq!(
        m.tokens(&user_id).await,
        [("verify_email".to_owned(), false)]
    );

    m.confirm_email(&token)
        .await
        .assert_status(poem::http::StatusCode::NO_CONTENT);
    let tokens = m.app.sign_in(&email, PASSWORD).await.body;
    let me = m.get_me(tokens["access_token"].as_str().unwrap()).await;
    assert!(me["email_verified_at"].is_string(), "{me}");
    assert_eq!(
        m.tokens(&user_id).await,
        [("verify_email".to_owned(), true)]
    );
    assert!(
        security_events(&m.app, &user_id)
            .await
            .contains(&"email_verified".to_owned())
    );

    // Single use: the same link again is the one invalid-token problem.
    m.confirm_email(&token)
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "email_token_invalid")
        .await;
    m.stop().await;
}

#[tokio::test]
async fn unknown_used_and_expired_tokens_get_one_identical_problem() {
    let m = MailApp::start(|_| {}).await;
    let email = unique_email("ben");
    let user_id = m.register(&email).await;
    let token = m.mailbox.wait_for(&email, 1).await.remove(0).token();

    let unknown = problem_without_id(
        m.confirm_email("not-a-real-token").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "email_token_invalid",
    )
    .await;
    // Expire the stored token: it no longer verifies.
    let id = user_id.clone();
    m.app
        .ctx
        .db
        .run(move |conn| {
            diesel::update(
                identity_email_tokens::table.filter(identity_email_tokens::user_id.eq(&id)),
            )
            .set(
                identity_email_tokens::expires_at
                    .eq(haven_platform::time::now_utc() - chrono::Duration::seconds(1)),
            )
            .execute(conn)
            .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
    let expired = problem_without_id(
        m.confirm_email(&token).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "email_token_invalid",
    )
    .await;
    assert_eq!(unknown, expired);
    assert_eq!(unknown["code"], "email_token_invalid");
    assert_eq!(
        m.tokens(&user_id).await,
        [("verify_email".to_owned(), false)]
    );
    m.stop().await;
}

#[tokio::test]
async fn a_token_for_an_old_address_does_not_verify_a_changed_one() {
    let m = MailApp::start(|_| {}).await;
    let old = unique_email("cleo");
    let user_id = m.register(&old).await;
    let token = m.mailbox.wait_for(&old, 1).await.remove(0).token();

    let new = unique_email("cleo-new");
    m.set_email(&user_id, &new).await;
    m.confirm_email(&token)
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "email_token_invalid")
        .await;
    let tokens = m.app.sign_in(&new, PASSWORD).await.body;
    let me = m.get_me(tokens["access_token"].as_str().unwrap()).await;
    assert!(me["email_verified_at"].is_null(), "{me}");
    m.stop().await;
}

#[tokio::test]
async fn the_member_can_ask_for_another_verification_email_until_verified() {
    let m = MailApp::start(|_| {}).await;
    let email = unique_email("dan");
    let user_id = m.register(&email).await;
    m.mailbox.wait_for(&email, 1).await;
    let tokens = m.app.sign_in(&email, PASSWORD).await.body;
    let access = tokens["access_token"].as_str().unwrap().to_owned();
    let resend = || {
        m.app
            .client
            .post("/v1/identity/me/email-verification")
            .header("authorization", format!("Bearer {access}"))
            .send()
    };

    let resp = resend().await;
    resp.assert_status(poem::http::StatusCode::ACCEPTED);
    let second = m.mailbox.wait_for(&email, 2).await.remove(1);
    // The newest link verifies; it also retires the first one.
    m.confirm_email(&second.token())
        .await
        .assert_status(poem::http::StatusCode::NO_CONTENT);
    assert_eq!(
        m.tokens(&user_id).await,
        [
            ("verify_email".to_owned(), true),
            ("verify_email".to_owned(), true)
        ]
    );

    resend()
        .await
        .assert_problem(StatusCode::CONFLICT, "email_already_verified")
        .await;
    let unauthenticated = m
        .app
        .client
        .post("/v1/identity/me/email-verification")
        .send()
        .await;
    unauthenticated
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
    m.stop().await;
}

#[tokio::test]
async fn a_password_reset_sets_the_password_signs_everything_out_and_works_once() {
    let m = MailApp::start(|_| {}).await;
    let email = unique_email("eve");
    let user_id = m.register(&email).await;
    m.mailbox.wait_for(&email, 1).await;
    m.app.sign_in(&email, PASSWORD).await;
    m.app.sign_in(&email, PASSWORD).await;

    let resp = m.request_reset(&email.to_uppercase()).await;
    resp.assert_status(poem::http::StatusCode::ACCEPTED);
    let mail = m.mailbox.wait_for(&email, 2).await.remove(1);
    assert_eq!(mail.subject, "Reset your password");
    assert!(
        mail.link()
            .starts_with("https://app.haven.test/reset-password?token=")
    );

    // The policy applies to the new password, and a rejected one leaves the token usable.
    let weak = m
        .reset(&mail.token(), "short")
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(weak["errors"][0]["field"], "new_password", "{weak}");
    m.reset(&mail.token(), NEW_PASSWORD)
        .await
        .assert_status(poem::http::StatusCode::NO_CONTENT);

    let sessions = m.sessions(&user_id).await;
    assert_eq!(sessions.len(), 2);
    assert!(sessions.iter().all(|(_, revoked)| *revoked), "{sessions:?}");
    m.app
        .login(&email, PASSWORD)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;
    let tokens = m.app.sign_in(&email, NEW_PASSWORD).await.body;
    // Reaching the mailbox proved the address, too.
    let me = m.get_me(tokens["access_token"].as_str().unwrap()).await;
    assert!(me["email_verified_at"].is_string(), "{me}");
    let events = security_events(&m.app, &user_id).await;
    for kind in [
        "password_reset_requested",
        "password_reset",
        "session_revoked",
    ] {
        assert!(events.contains(&kind.to_owned()), "{kind} in {events:?}");
    }

    m.reset(&mail.token(), "yet another passphrase")
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "email_token_invalid")
        .await;
    m.stop().await;
}

#[tokio::test]
async fn a_reset_request_never_reveals_whether_the_address_is_registered() {
    let m = MailApp::start(|_| {}).await;
    let known = unique_email("fay");
    m.register(&known).await;
    m.mailbox.wait_for(&known, 1).await;
    let unknown = unique_email("nobody");

    let a = m.request_reset(&known).await;
    let b = m.request_reset(&unknown).await;
    assert_eq!(a.0.status(), 202);
    assert_eq!(b.0.status(), 202);
    let a: Value = a.json().await.value().deserialize();
    let b: Value = b.json().await.value().deserialize();
    assert_eq!(a, b);
    // Only the registered address gets mail; the unknown one leaves only an audit row.
    m.mailbox.wait_for(&known, 2).await;
    assert!(m.mailbox.messages_to(&unknown).is_empty());
    let malformed = m
        .request_reset("not an email")
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(malformed["errors"][0]["field"], "email");
    m.stop().await;
}

#[tokio::test]
async fn a_password_reset_lifts_the_login_lock() {
    let m = MailApp::start(|_| {}).await;
    let email = unique_email("gus");
    m.register(&email).await;
    m.mailbox.wait_for(&email, 1).await;
    for _ in 0..m.app.ctx.settings.identity.lockout_threshold {
        m.app
            .login(&email, "a wrong password!")
            .await
            .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
            .await;
    }
    let locked = m.app.login(&email, PASSWORD).await;
    assert!(locked.0.headers().contains_key("retry-after"), "locked");
    locked
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;

    m.request_reset(&email)
        .await
        .assert_status(poem::http::StatusCode::ACCEPTED);
    let token = m.mailbox.wait_for(&email, 2).await.remove(1).token();
    m.reset(&token, NEW_PASSWORD)
        .await
        .assert_status(poem::http::StatusCode::NO_CONTENT);
    m.app
        .login(&email, NEW_PASSWORD)
        .await
        .assert_status_is_ok();
    m.stop().await;
}
