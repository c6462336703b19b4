//! Helpers of the admin tests: requests, database reads, and admins with tokens that
//! carry a second factor.

use std::time::Duration;

use haven_identity::accounts::repo::UserRow;
use haven_identity::security_events::repo::SecurityEventRow;
use haven_identity::sessions::repo::SessionRow;
use haven_platform::auth::Role;
use haven_platform::ids::{SessionId, UserId};
use haven_platform::testing::TestApp;
use haven_platform::time::now_utc;
use poem::http::Method;
use poem::test::TestResponse;
use serde_json::{Value, json};

use crate::post;

/// Sends `method path` with an optional bearer token and JSON body.
pub(crate) async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> TestResponse {
    let mut req = app.client.request(method, path);
    if let Some(token) = token {
        req = req.header("authorization", format!("Bearer {token}"));
    }
    if let Some(body) = body {
        req = req
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    req.send().await
}

pub(crate) async fn ok(resp: TestResponse) -> Value {
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

pub(crate) async fn refresh(app: &TestApp, refresh_token: &str) -> TestResponse {
    post(
        app,
        "/v1/identity/token/refresh",
        &json!({"refresh_token": refresh_token}),
    )
    .await
}

pub(crate) async fn db<T: Send + 'static>(
    app: &TestApp,
    f: impl FnOnce(&mut haven_platform::AnyConnection) -> diesel::QueryResult<T> + Send + 'static,
) -> T {
    app.ctx
        .db
        .run(move |conn| f(conn).map_err(haven_platform::DbError::Query))
        .await
        .unwrap()
}

pub(crate) async fn user_row(app: &TestApp, id: &str) -> UserRow {
    let id = id.parse().unwrap();
    db(app, move |c| {
        haven_identity::accounts::repo::find_user(c, id)
    })
    .await
    .unwrap()
}

pub(crate) async fn events(app: &TestApp, id: &str) -> Vec<SecurityEventRow> {
    let id = id.parse().unwrap();
    db(app, move |c| {
        haven_identity::security_events::repo::security_events_of(c, id)
    })
    .await
}

pub(crate) async fn events_of_kind(app: &TestApp, id: &str, kind: &str) -> Vec<SecurityEventRow> {
    events(app, id)
        .await
        .into_iter()
        .filter(|e| e.kind == kind)
        .collect()
}

pub(crate) async fn sessions_of(app: &TestApp, user_id: &str) -> Vec<SessionRow> {
    use diesel::prelude::*;
    use haven_identity::schema::identity_sessions;
    let id = user_id.to_owned();
    db(app, move |c| {
        identity_sessions::table
            .filter(identity_sessions::user_id.eq(id))
            .select(SessionRow::as_select())
            .load(c)
    })
    .await
}

/// Stores `roles` for the user directly (test set-up, not the endpoint under test).
pub(crate) async fn grant(app: &TestApp, id: &str, roles: &[Role]) {
    let (id, roles) = (id.parse().unwrap(), roles.to_vec());
    assert!(
        db(app, move |c| haven_identity::accounts::repo::set_roles(
            c,
            &id,
            &roles,
            now_utc()
        ))
        .await
    );
}

/// An access token for a real session of `user_id`, signed by the app's own key, with
/// the given roles and authentication methods: how a TOTP login will mint them.
pub(crate) fn mint(
    app: &TestApp,
    user_id: &UserId,
    session_id: &SessionId,
    roles: Vec<Role>,
    amr: &[&str],
) -> String {
    let claims = app.ctx.auth.access_claims(
        user_id,
        session_id,
        roles,
        amr.iter().map(|m| (*m).to_owned()).collect(),
        Duration::from_secs(300),
    );
    app.ctx.auth.issue(&claims).unwrap()
}

/// An admin `email` (roles `admin`, `member`) signed in with a second factor (the
/// platform's fixture). Returns (user id, access token).
pub(crate) async fn admin(app: &TestApp, email: &str) -> (String, String) {
    let admin = app
        .signed_in_with(email, &[Role::Admin, Role::Member])
        .await;
    (admin.user_id, admin.tokens.access_token)
}

pub(crate) fn roles_path(id: &str) -> String {
    format!("/v1/identity/admin/users/{id}/roles")
}

pub(crate) async fn put_roles(app: &TestApp, token: &str, id: &str, roles: &Value) -> TestResponse {
    send(
        app,
        Method::PUT,
        &roles_path(id),
        Some(token),
        Some(&json!({ "roles": roles })),
    )
    .await
}

pub(crate) async fn set_disabled(
    app: &TestApp,
    token: &str,
    id: &str,
    disabled: bool,
) -> TestResponse {
    let action = if disabled { "disable" } else { "enable" };
    let path = format!("/v1/identity/admin/users/{id}/{action}");
    send(app, Method::POST, &path, Some(token), None).await
}
