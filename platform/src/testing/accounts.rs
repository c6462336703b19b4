//! Signed-in accounts for tests: `let member = app.member().await;` gives an account with
//! real tokens from the app's real HTTP login, and requests sent as it.
//!
//! The platform cannot depend on the domain that owns accounts, so the wired app supplies
//! a [`TestAccounts`] port (`haven_app::testing::builder()` installs identity's). Accounts
//! are created directly through that domain (set-up, not the API under test); signing in,
//! and the second factor of the roles that need one, go through the HTTP API.

use std::sync::Arc;

use futures_util::future::BoxFuture;
use poem::endpoint::BoxEndpoint;
use poem::http::Method;
use poem::test::{TestRequestBuilder, TestResponse};
use serde_json::Value;

use super::TestApp;
use super::totp::Authenticator;
use crate::auth::Role;

/// The password of fixture accounts (long enough for every password rule).
pub const TEST_PASSWORD: &str = "correct horse battery staple";

/// What the fixtures need from the wired app to create and sign in accounts.
pub trait TestAccounts: Send + Sync + 'static {
    /// Creates an account with `roles` directly (test set-up); returns its user id.
    fn create<'a>(
        &'a self,
        app: &'a TestApp,
        email: &'a str,
        password: &'a str,
        roles: &'a [Role],
    ) -> BoxFuture<'a, String>;

    /// Sends the app's password login; the response as it came.
    fn login<'a>(&'a self, app: &'a TestApp, login: Login<'a>) -> BoxFuture<'a, TestResponse>;

    /// Whether a login answer (`200` body) asks for a second factor instead of tokens.
    fn asks_second_factor(&self, answer: &Value) -> bool;

    /// Completes a login that asked for a second factor with `code`; the response.
    fn second_factor<'a>(
        &'a self,
        app: &'a TestApp,
        answer: &'a Value,
        code: &'a str,
    ) -> BoxFuture<'a, TestResponse>;

    /// Reads the tokens out of a successful sign-in or refresh answer.
    fn tokens(&self, answer: Value) -> Tokens;

    /// Whether accounts with `roles` must have a second factor.
    fn requires_second_factor(&self, roles: &[Role]) -> bool;

    /// Turns on a TOTP second factor for the signed-in account through the API; returns
    /// the account's authenticator and tokens of the same session that now carry it.
    fn enroll_totp<'a>(
        &'a self,
        app: &'a TestApp,
        tokens: &'a Tokens,
    ) -> BoxFuture<'a, (Authenticator, Tokens)>;
}

/// One password login request.
#[derive(Debug, Clone, Copy)]
pub struct Login<'a> {
    /// The account's email address.
    pub email: &'a str,
    /// The password tried.
    pub password: &'a str,
    /// The label the new session shows in the account's session list.
    pub device_label: Option<&'a str>,
}

impl<'a> Login<'a> {
    /// A login without a device label.
    pub fn new(email: &'a str, password: &'a str) -> Self {
        Self {
            email,
            password,
            device_label: None,
        }
    }

    /// The same login from a device labelled `label`.
    #[must_use]
    pub fn device(mut self, label: &'a str) -> Self {
        self.device_label = Some(label);
        self
    }
}

/// The tokens of one session.
#[derive(Debug, Clone)]
pub struct Tokens {
    /// The access token (a JWT).
    pub access_token: String,
    /// The refresh token.
    pub refresh_token: String,
    /// The session's id.
    pub session_id: String,
    /// The whole answer the tokens came in.
    pub body: Value,
}

/// A signed-in account: who it is, its session's tokens and, for roles that need one, its
/// second factor.
#[derive(Debug)]
pub struct SignedIn {
    /// The account's user id.
    pub user_id: String,
    /// The account's email address (unique per fixture).
    pub email: String,
    /// The account's password ([`TEST_PASSWORD`]).
    pub password: String,
    /// The roles the account was created with.
    pub roles: Vec<Role>,
    /// The tokens of its session (carrying the second factor when it has one).
    pub tokens: Tokens,
    /// The authenticator of its TOTP factor, for roles that require one.
    pub totp: Option<Authenticator>,
}

impl SignedIn {
    /// The session's access token.
    pub fn access_token(&self) -> &str {
        &self.tokens.access_token
    }

    /// `method path` as this account (its bearer token set); add a body and `send()`.
    pub fn request<'a>(
        &self,
        app: &'a TestApp,
        method: Method,
        path: impl Into<String>,
    ) -> TestRequestBuilder<'a, BoxEndpoint<'static>> {
        app.client
            .request(method, path)
            .header("authorization", format!("Bearer {}", self.access_token()))
    }

    /// `GET path` as this account.
    pub fn get<'a>(
        &self,
        app: &'a TestApp,
        path: impl Into<String>,
    ) -> TestRequestBuilder<'a, BoxEndpoint<'static>> {
        self.request(app, Method::GET, path)
    }

    /// `DELETE path` as this account.
    pub fn delete<'a>(
        &self,
        app: &'a TestApp,
        path: impl Into<String>,
    ) -> TestRequestBuilder<'a, BoxEndpoint<'static>> {
        self.request(app, Method::DELETE, path)
    }

    /// `POST path` as this account with a JSON body.
    pub fn post<'a>(
        &self,
        app: &'a TestApp,
        path: impl Into<String>,
        body: &Value,
    ) -> TestRequestBuilder<'a, BoxEndpoint<'static>> {
        self.request(app, Method::POST, path).body_json(body)
    }

    /// `PUT path` as this account with a JSON body.
    pub fn put<'a>(
        &self,
        app: &'a TestApp,
        path: impl Into<String>,
        body: &Value,
    ) -> TestRequestBuilder<'a, BoxEndpoint<'static>> {
        self.request(app, Method::PUT, path).body_json(body)
    }

    /// `PATCH path` as this account with a JSON body.
    pub fn patch<'a>(
        &self,
        app: &'a TestApp,
        path: impl Into<String>,
        body: &Value,
    ) -> TestRequestBuilder<'a, BoxEndpoint<'static>> {
        self.request(app, Method::PATCH, path).body_json(body)
    }
}

impl TestApp {
    fn accounts(&self) -> &Arc<dyn TestAccounts> {
        self.accounts.as_ref().expect(
            "no TestAccounts port: build the app with haven_app::testing::builder() (or \
             TestAppBuilder::accounts) to use the signed-in fixtures",
        )
    }

    /// The app's password login for `email` and `password`; the response as it came.
    /// The one login request of the test suites.
    pub async fn login(&self, email: &str, password: &str) -> TestResponse {
        self.login_as(Login::new(email, password)).await
    }

    /// The app's password login with every field of [`Login`].
    pub async fn login_as(&self, login: Login<'_>) -> TestResponse {
        self.accounts().login(self, login).await
    }

    /// The tokens of a successful password login (asserts `200` and that no second
    /// factor was asked).
    pub async fn sign_in(&self, email: &str, password: &str) -> Tokens {
        self.sign_in_as(Login::new(email, password)).await
    }

    /// [`TestApp::sign_in`] with every field of [`Login`].
    pub async fn sign_in_as(&self, login: Login<'_>) -> Tokens {
        let resp = self.login_as(login).await;
        resp.assert_status_is_ok();
        let answer: Value = resp.json().await.value().deserialize();
        assert!(
            !self.accounts().asks_second_factor(&answer),
            "the login of {} asked for a second factor: use SignedIn::sign_in_again",
            login.email
        );
        self.accounts().tokens(answer)
    }

    /// A new signed-in member.
    pub async fn member(&self) -> SignedIn {
        self.signed_in(&[Role::Member]).await
    }

    /// A new signed-in coach (and member).
    pub async fn coach(&self) -> SignedIn {
        self.signed_in(&[Role::Coach, Role::Member]).await
    }

    /// A new signed-in clinician (and member), with a second factor.
    pub async fn clinician(&self) -> SignedIn {
        self.signed_in(&[Role::Clinician, Role::Member]).await
    }

    /// A new signed-in admin (and member), with a second factor.
    pub async fn admin(&self) -> SignedIn {
        self.signed_in(&[Role::Admin, Role::Member]).await
    }

    /// A new account with `roles` and a unique email address, signed in.
    pub async fn signed_in(&self, roles: &[Role]) -> SignedIn {
        let first = roles.first().map_or("user", |r| role_name(*r));
        let email = format!("{first}-{}@example.com", uuid::Uuid::now_v7().simple());
        self.signed_in_with(&email, roles).await
    }

    /// A new account `email` with `roles`, signed in (the second factor enrolled and
    /// presented when the roles require one).
    pub async fn signed_in_with(&self, email: &str, roles: &[Role]) -> SignedIn {
        let accounts = self.accounts();
        let user_id = accounts.create(self, email, TEST_PASSWORD, roles).await;
        let mut tokens = self.sign_in(email, TEST_PASSWORD).await;
        let mut totp = None;
        if accounts.requires_second_factor(roles) {
            let (authenticator, with_factor) = accounts.enroll_totp(self, &tokens).await;
            tokens = with_factor;
            totp = Some(authenticator);
        }
        SignedIn {
            user_id,
            email: email.to_owned(),
            password: TEST_PASSWORD.to_owned(),
            roles: roles.to_vec(),
            tokens,
            totp,
        }
    }
}

impl SignedIn {
    /// Signs the account in again (a new session), presenting its second factor when it
    /// has one; returns the new session's tokens.
    pub async fn sign_in_again(&mut self, app: &TestApp) -> Tokens {
        let accounts = app.accounts();
        let resp = app.login(&self.email, &self.password).await;
        resp.assert_status_is_ok();
        let answer: Value = resp.json().await.value().deserialize();
        if !accounts.asks_second_factor(&answer) {
            return accounts.tokens(answer);
        }
        let code = self
            .totp
            .as_mut()
            .expect("the login asked for a second factor the fixture does not have")
            .fresh_code();
        let resp = accounts.second_factor(app, &answer, &code).await;
        resp.assert_status_is_ok();
        accounts.tokens(resp.json().await.value().deserialize())
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Member => "member",
        Role::Coach => "coach",
        Role::Clinician => "clinician",
        Role::Admin => "admin",
    }
}
