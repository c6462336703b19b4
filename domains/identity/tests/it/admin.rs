//! `/v1/identity/admin/users…`: listing, reading, roles, disabling (issue 4, point 6).

use std::sync::Arc;
use std::time::Duration;

use haven_identity::repo::{self, SecurityEventRow, SessionRow, UserRow};
use haven_platform::auth::Role;
use haven_platform::testing::TestApp;
use haven_platform::time::now_utc;
use poem::http::Method;
use poem::test::TestResponse;
use serde_json::{Value, json};

use crate::{PASSWORD, app, app_without_login_limits, post, problem, register};

/// Sends `method path` with an optional bearer token and JSON body.
async fn send(
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

async fn ok(resp: TestResponse) -> Value {
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

async fn login_as(app: &TestApp, email: &str, password: &str) -> TestResponse {
    post(
        app,
        "/v1/identity/login",
        &json!({"email": email, "password": password}),
    )
    .await
}

/// Logs in with [`PASSWORD`]; returns the token response.
async fn login(app: &TestApp, email: &str) -> Value {
    ok(login_as(app, email, PASSWORD).await).await
}

async fn refresh(app: &TestApp, refresh_token: &str) -> TestResponse {
    post(
        app,
        "/v1/identity/token/refresh",
        &json!({"refresh_token": refresh_token}),
    )
    .await
}

async fn db<T: Send + 'static>(
    app: &TestApp,
    f: impl FnOnce(&mut haven_platform::AnyConnection) -> diesel::QueryResult<T> + Send + 'static,
) -> T {
    app.ctx
        .db
        .run(move |conn| f(conn).map_err(haven_platform::DbError::Query))
        .await
        .unwrap()
}

async fn user_row(app: &TestApp, id: &str) -> UserRow {
    let id = id.to_owned();
    db(app, move |c| repo::find_user(c, &id)).await.unwrap()
}

async fn events(app: &TestApp, id: &str) -> Vec<SecurityEventRow> {
    let id = id.to_owned();
    db(app, move |c| repo::security_events_of(c, &id)).await
}

async fn events_of_kind(app: &TestApp, id: &str, kind: &str) -> Vec<SecurityEventRow> {
    events(app, id)
        .await
        .into_iter()
        .filter(|e| e.kind == kind)
        .collect()
}

async fn sessions_of(app: &TestApp, user_id: &str) -> Vec<SessionRow> {
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
async fn grant(app: &TestApp, id: &str, roles: &str) {
    let (id, roles) = (id.to_owned(), roles.to_owned());
    assert!(db(app, move |c| repo::set_roles(c, &id, &roles, now_utc())).await);
}

/// An access token for a real session of `user_id`, signed by the app's own key, with
/// the given roles and authentication methods: how a TOTP login will mint them.
fn mint(app: &TestApp, user_id: &str, session_id: &str, roles: Vec<Role>, amr: &[&str]) -> String {
    let claims = app.ctx.auth.access_claims(
        user_id,
        session_id,
        roles,
        amr.iter().map(|m| (*m).to_owned()).collect(),
        Duration::from_secs(300),
    );
    app.ctx.auth.issue(&claims).unwrap()
}

/// A registered admin (roles `admin`, `member`) with a token that carries a second
/// factor. Returns (user id, token).
async fn admin(app: &TestApp, email: &str) -> (String, String) {
    let id = register(app, email).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    grant(app, &id, r#"["admin","member"]"#).await;
    let tokens = login(app, email).await;
    let sid = tokens["session_id"].as_str().unwrap();
    let token = mint(
        app,
        &id,
        sid,
        vec![Role::Member, Role::Admin],
        &["pwd", "otp"],
    );
    (id, token)
}

fn roles_path(id: &str) -> String {
    format!("/v1/identity/admin/users/{id}/roles")
}

async fn put_roles(app: &TestApp, token: &str, id: &str, roles: &Value) -> TestResponse {
    send(
        app,
        Method::PUT,
        &roles_path(id),
        Some(token),
        Some(&json!({ "roles": roles })),
    )
    .await
}

async fn set_disabled(app: &TestApp, token: &str, id: &str, disabled: bool) -> TestResponse {
    let action = if disabled { "disable" } else { "enable" };
    let path = format!("/v1/identity/admin/users/{id}/{action}");
    send(app, Method::POST, &path, Some(token), None).await
}

#[tokio::test]
async fn admin_operations_need_a_token_the_admin_role_and_a_second_factor() {
    let app = app().await;
    let (admin_id, _) = admin(&app, "root@example.com").await;
    let member_id = register(&app, "mia@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let member = login(&app, "mia@example.com").await;
    let member_token = member["access_token"].as_str().unwrap().to_owned();
    let member_sid = member["session_id"].as_str().unwrap().to_owned();
    // A real admin login carries `amr: ["pwd"]` only.
    let admin_pwd_only = login(&app, "root@example.com").await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    // A validly signed token that claims admin and MFA for an account that is not an
    // admin in the database: the database decides.
    let forged_roles = mint(
        &app,
        &member_id,
        &member_sid,
        vec![Role::Member, Role::Admin],
        &["pwd", "otp"],
    );

    let body = json!({"roles": ["member", "admin"]});
    let operations: Vec<(Method, String, Option<&Value>)> = vec![
        (Method::GET, "/v1/identity/admin/users".to_owned(), None),
        (
            Method::GET,
            format!("/v1/identity/admin/users/{admin_id}"),
            None,
        ),
        (Method::PUT, roles_path(&member_id), Some(&body)),
        (
            Method::POST,
            format!("/v1/identity/admin/users/{admin_id}/disable"),
            None,
        ),
        (
            Method::POST,
            format!("/v1/identity/admin/users/{member_id}/enable"),
            None,
        ),
    ];
    for (method, path, body) in operations {
        let resp = send(&app, method.clone(), &path, None, body).await;
        let p = problem(resp, 401).await;
        assert_eq!(p["code"], "unauthorized", "{method} {path}");

        let resp = send(&app, method.clone(), &path, Some(&member_token), body).await;
        let p = problem(resp, 403).await;
        assert_eq!(p["code"], "forbidden", "{method} {path}");

        let resp = send(&app, method.clone(), &path, Some(&admin_pwd_only), body).await;
        let p = problem(resp, 403).await;
        assert_eq!(p["code"], "mfa_required", "{method} {path}");

        let resp = send(&app, method.clone(), &path, Some(&forged_roles), body).await;
        let p = problem(resp, 403).await;
        assert_eq!(p["code"], "forbidden", "{method} {path}");
    }

    // Signing out ends admin powers at once, though the access token has not expired.
    let (_, other_admin) = admin(&app, "ops@example.com").await;
    ok(send(
        &app,
        Method::GET,
        "/v1/identity/admin/users",
        Some(&other_admin),
        None,
    )
    .await)
    .await;
    let resp = send(
        &app,
        Method::POST,
        "/v1/identity/logout",
        Some(&other_admin),
        None,
    )
    .await;
    resp.assert_status(poem::http::StatusCode::NO_CONTENT);
    let resp = send(
        &app,
        Method::GET,
        "/v1/identity/admin/users",
        Some(&other_admin),
        None,
    )
    .await;
    resp.assert_header_exist("www-authenticate");
    let p = problem(resp, 401).await;
    assert_eq!(p["code"], "unauthorized", "{p}");

    // Nothing changed.
    assert_eq!(user_row(&app, &member_id).await.roles, r#"["member"]"#);
    let root = user_row(&app, &admin_id).await;
    assert_eq!(root.roles, r#"["admin","member"]"#);
    assert!(root.disabled_at.is_none());
    for id in [&admin_id, &member_id] {
        let kinds: Vec<String> = events(&app, id).await.into_iter().map(|e| e.kind).collect();
        assert!(
            kinds.iter().all(|k| k == "login_succeeded"),
            "{id}: {kinds:?}"
        );
    }
}

#[tokio::test]
async fn users_are_paged_newest_first_without_repeats_or_gaps_under_inserts() {
    let app = app().await;
    let (_, token) = admin(&app, "root@example.com").await;
    for i in 0..7 {
        register(&app, &format!("user{i}@example.com")).await;
    }
    let resp = send(
        &app,
        Method::GET,
        "/v1/identity/admin/users?limit=100",
        Some(&token),
        None,
    )
    .await;
    resp.assert_header("cache-control", "no-store");
    let all = ok(resp).await;
    let all_ids: Vec<String> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(all_ids.len(), 8);
    assert!(all["next_cursor"].is_null());
    let mut sorted = all_ids.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(all_ids, sorted, "newest (largest id) first");
    assert_eq!(all["items"][0]["email"], "user6@example.com");
    assert_eq!(all["items"][7]["email"], "root@example.com");

    let mut seen = Vec::new();
    let mut path = "/v1/identity/admin/users?limit=3".to_owned();
    let mut pages = 0;
    loop {
        let page = ok(send(&app, Method::GET, &path, Some(&token), None).await).await;
        pages += 1;
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["id"].as_str().unwrap().to_owned()),
        );
        // An account created while paging sorts before the first page: later pages
        // neither repeat nor skip anything because of it.
        register(&app, &format!("late{pages}@example.com")).await;
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/v1/identity/admin/users?limit=3&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, all_ids);

    let p = problem(
        send(
            &app,
            Method::GET,
            "/v1/identity/admin/users?limit=101",
            Some(&token),
            None,
        )
        .await,
        422,
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "limit", "{p}");
    let p = problem(
        send(
            &app,
            Method::GET,
            "/v1/identity/admin/users?cursor=not-a-cursor",
            Some(&token),
            None,
        )
        .await,
        400,
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "cursor", "{p}");
}

#[tokio::test]
async fn users_are_searched_by_email_literally_and_case_insensitively_and_by_role() {
    let app = app().await;
    let (root_id, token) = admin(&app, "root@example.com").await;
    for email in [
        "Alice@Acme.com",
        "bob@ACME.com",
        "carol@other.org",
        "a_b@x.org",
        "axb@x.org",
        "100%@x.org",
    ] {
        register(&app, email).await;
    }
    let coach = register(&app, "coach@acme.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    grant(&app, &coach, r#"["member","coach"]"#).await;

    let search = |query: &'static str| {
        let app = &app;
        let token = &token;
        async move {
            let path = format!("/v1/identity/admin/users?limit=100&{query}");
            let page = ok(send(app, Method::GET, &path, Some(token), None).await).await;
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["email"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        search("email=aCmE").await,
        ["coach@acme.com", "bob@acme.com", "Alice@acme.com"]
    );
    // `_` and `%` are matched literally, not as LIKE wildcards.
    assert_eq!(search("email=a_b").await, ["a_b@x.org"]);
    assert_eq!(search("email=%25").await, ["100%@x.org"]);
    assert!(search("email=nobody").await.is_empty());
    assert_eq!(search("role=admin").await, ["root@example.com"]);
    assert_eq!(search("role=coach&email=acme").await, ["coach@acme.com"]);
    assert!(search("role=clinician").await.is_empty());
    assert_eq!(search("role=member").await.len(), 8);

    let p = problem(
        send(
            &app,
            Method::GET,
            "/v1/identity/admin/users?email=%20%20",
            Some(&token),
            None,
        )
        .await,
        422,
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "email", "{p}");
    let resp = send(
        &app,
        Method::GET,
        "/v1/identity/admin/users?role=superuser",
        Some(&token),
        None,
    )
    .await;
    problem(resp, 400).await;
    assert_eq!(
        user_row(&app, &root_id).await.roles,
        r#"["admin","member"]"#
    );
}

#[tokio::test]
async fn one_account_is_read_with_its_state_and_active_sessions() {
    let app = app().await;
    let (_, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "Dana@Example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    login(&app, "dana@example.com").await;
    let second = login(&app, "dana@example.com").await;
    let path = format!("/v1/identity/admin/users/{id}");
    let resp = send(&app, Method::GET, &path, Some(&token), None).await;
    resp.assert_header("cache-control", "no-store");
    let user = ok(resp).await;
    assert_eq!(user["id"], id.as_str());
    assert_eq!(user["email"], "Dana@example.com");
    assert_eq!(user["roles"], json!(["member"]));
    assert!(user["email_verified_at"].is_null(), "{user}");
    assert!(user["disabled_at"].is_null(), "{user}");
    assert!(user["created_at"].is_string(), "{user}");
    assert_eq!(user["active_sessions"], 2);
    assert!(user.get("password_hash").is_none(), "{user}");

    // A revoked session no longer counts.
    let resp = send(
        &app,
        Method::POST,
        "/v1/identity/logout",
        second["access_token"].as_str(),
        None,
    )
    .await;
    resp.assert_status(poem::http::StatusCode::NO_CONTENT);
    let user = ok(send(&app, Method::GET, &path, Some(&token), None).await).await;
    assert_eq!(user["active_sessions"], 1);

    let unknown = haven_identity::UserId::new();
    let resp = send(
        &app,
        Method::GET,
        &format!("/v1/identity/admin/users/{unknown}"),
        Some(&token),
        None,
    )
    .await;
    problem(resp, 404).await;
    let resp = send(
        &app,
        Method::GET,
        "/v1/identity/admin/users/ses_01jh0000000000000000000000",
        Some(&token),
        None,
    )
    .await;
    problem(resp, 400).await;
}

#[tokio::test]
async fn a_role_change_is_audited_and_carried_by_the_next_refresh() {
    let app = app().await;
    let (admin_id, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "cody@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = login(&app, "cody@example.com").await;

    let user = ok(put_roles(&app, &token, &id, &json!(["coach", "member"])).await).await;
    assert_eq!(user["roles"], json!(["member", "coach"]));
    assert_eq!(user["active_sessions"], 1, "sessions are kept");
    assert_eq!(user_row(&app, &id).await.roles, r#"["member","coach"]"#);
    let changes = events_of_kind(&app, &id, "role_changed").await;
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].actor_id.as_deref(), Some(admin_id.as_str()));
    assert_eq!(
        changes[0].detail.as_deref(),
        Some("roles: member -> member,coach")
    );
    assert!(changes[0].session_id.is_none());

    // The access token issued before keeps its roles until it expires; the next refresh
    // carries the new ones.
    let old = app
        .ctx
        .auth
        .verify(before["access_token"].as_str().unwrap())
        .unwrap();
    assert_eq!(old.roles, [Role::Member]);
    let refreshed = ok(refresh(&app, before["refresh_token"].as_str().unwrap()).await).await;
    let new = app
        .ctx
        .auth
        .verify(refreshed["access_token"].as_str().unwrap())
        .unwrap();
    assert_eq!(new.roles, [Role::Member, Role::Coach]);

    // Setting the same roles again changes and records nothing.
    ok(put_roles(&app, &token, &id, &json!(["member", "coach"])).await).await;
    assert_eq!(events_of_kind(&app, &id, "role_changed").await.len(), 1);

    // Back to member only.
    let user = ok(put_roles(&app, &token, &id, &json!(["member"])).await).await;
    assert_eq!(user["roles"], json!(["member"]));
    let changes = events_of_kind(&app, &id, "role_changed").await;
    assert_eq!(
        changes[1].detail.as_deref(),
        Some("roles: member,coach -> member")
    );
}

#[tokio::test]
async fn a_roles_body_is_checked_and_nothing_is_ignored_silently() {
    let app = app().await;
    let (_, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "eli@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let p = problem(put_roles(&app, &token, &id, &json!(["coach"])).await, 422).await;
    assert_eq!(p["errors"][0]["field"], "roles", "{p}");
    assert_eq!(p["errors"][0]["code"], "member_required", "{p}");
    let p = problem(put_roles(&app, &token, &id, &json!([])).await, 422).await;
    assert_eq!(p["errors"][0]["code"], "member_required", "{p}");
    let p = problem(
        put_roles(&app, &token, &id, &json!(["member", "coach", "coach"])).await,
        422,
    )
    .await;
    assert_eq!(p["errors"][0]["code"], "duplicate", "{p}");
    problem(
        put_roles(&app, &token, &id, &json!(["member", "superuser"])).await,
        400,
    )
    .await;

    for (body, field) in [
        (
            json!({"roles": ["member"], "id": "usr_01jh0000000000000000000000"}),
            "id",
        ),
        (
            json!({"roles": ["member"], "email": "x@example.com"}),
            "email",
        ),
        (json!({"roles": ["member"], "role": "admin"}), "role"),
    ] {
        let resp = send(
            &app,
            Method::PUT,
            &roles_path(&id),
            Some(&token),
            Some(&body),
        )
        .await;
        let p = problem(resp, 400).await;
        let detail = p["detail"].as_str().unwrap();
        assert!(
            detail.contains(&format!("unknown field `{field}`")),
            "{body} -> {p}"
        );
    }

    let unknown = haven_identity::UserId::new();
    problem(
        put_roles(&app, &token, &unknown.to_string(), &json!(["member"])).await,
        404,
    )
    .await;

    assert_eq!(user_row(&app, &id).await.roles, r#"["member"]"#);
    assert!(events_of_kind(&app, &id, "role_changed").await.is_empty());
}

#[tokio::test]
async fn the_last_enabled_admin_cannot_lose_the_role_or_be_disabled() {
    let app = app().await;
    let (root, root_token) = admin(&app, "root@example.com").await;

    let p = problem(
        put_roles(&app, &root_token, &root, &json!(["member"])).await,
        409,
    )
    .await;
    assert_eq!(p["code"], "last_admin", "{p}");
    let p = problem(set_disabled(&app, &root_token, &root, true).await, 409).await;
    assert_eq!(p["code"], "last_admin", "{p}");
    let row = user_row(&app, &root).await;
    assert_eq!(row.roles, r#"["admin","member"]"#);
    assert!(row.disabled_at.is_none());

    // A disabled admin does not count.
    let (second, _) = admin(&app, "second@example.com").await;
    ok(set_disabled(&app, &root_token, &second, true).await).await;
    problem(
        put_roles(&app, &root_token, &root, &json!(["member"])).await,
        409,
    )
    .await;

    // With another enabled admin, the role can go.
    ok(set_disabled(&app, &root_token, &second, false).await).await;
    let user = ok(put_roles(&app, &root_token, &root, &json!(["member"])).await).await;
    assert_eq!(user["roles"], json!(["member"]));
    assert_eq!(user_row(&app, &root).await.roles, r#"["member"]"#);
    // The former admin's token still says admin, but the database decides.
    let p = problem(set_disabled(&app, &root_token, &second, true).await, 403).await;
    assert_eq!(p["code"], "forbidden", "{p}");
    assert!(user_row(&app, &second).await.disabled_at.is_none());
}

#[tokio::test]
async fn disabling_revokes_sessions_and_refuses_login_and_refresh_until_re_enabled() {
    let app = app_without_login_limits().await;
    let (admin_id, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "finn@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let a = login(&app, "finn@example.com").await;
    let b = login(&app, "finn@example.com").await;

    let user = ok(set_disabled(&app, &token, &id, true).await).await;
    assert!(user["disabled_at"].is_string(), "{user}");
    assert_eq!(user["active_sessions"], 0);
    let row = user_row(&app, &id).await;
    assert!(row.disabled_at.is_some());
    let sessions = sessions_of(&app, &id).await;
    assert_eq!(sessions.len(), 2);
    assert!(sessions.iter().all(|s| s.revoked_at.is_some()));
    let disabled = events_of_kind(&app, &id, "account_disabled").await;
    assert_eq!(disabled.len(), 1);
    assert_eq!(disabled[0].actor_id.as_deref(), Some(admin_id.as_str()));
    assert_eq!(disabled[0].detail.as_deref(), Some("sessions revoked: 2"));

    // Refresh stops at once.
    for t in [&a, &b] {
        let p = problem(
            refresh(&app, t["refresh_token"].as_str().unwrap()).await,
            401,
        )
        .await;
        assert_eq!(p["code"], "invalid_refresh_token");
    }
    // The right password learns the account is disabled; a wrong one learns nothing.
    let p = problem(login_as(&app, "finn@example.com", PASSWORD).await, 403).await;
    assert_eq!(p["code"], "account_disabled", "{p}");
    let wrong = problem(
        login_as(&app, "finn@example.com", "not the password at all").await,
        401,
    )
    .await;
    let unknown = problem(
        login_as(&app, "nobody@example.com", "not the password at all").await,
        401,
    )
    .await;
    assert_eq!(wrong["code"], unknown["code"]);
    assert_eq!(wrong["detail"], unknown["detail"]);
    assert_eq!(
        sessions_of(&app, &id).await.len(),
        2,
        "no session was opened"
    );

    // A retry with the same Idempotency-Key gets the first answer back.
    let keyed = |key: &'static str| {
        app.client
            .post(format!("/v1/identity/admin/users/{id}/disable"))
            .header("authorization", format!("Bearer {token}"))
            .header("idempotency-key", key)
            .send()
    };
    let first = ok(keyed("disable-finn-1").await).await;
    let replay = keyed("disable-finn-1").await;
    replay.assert_header("idempotent-replayed", "true");
    assert_eq!(ok(replay).await, first);

    // Disabling again changes nothing.
    let again = ok(set_disabled(&app, &token, &id, true).await).await;
    assert_eq!(again["disabled_at"], user["disabled_at"]);
    assert_eq!(events_of_kind(&app, &id, "account_disabled").await.len(), 1);

    let user = ok(set_disabled(&app, &token, &id, false).await).await;
    assert!(user["disabled_at"].is_null(), "{user}");
    assert!(user_row(&app, &id).await.disabled_at.is_none());
    let enabled = events_of_kind(&app, &id, "account_enabled").await;
    assert_eq!(enabled.len(), 1);
    assert_eq!(enabled[0].actor_id.as_deref(), Some(admin_id.as_str()));
    // Old sessions stay revoked; a new login works.
    problem(
        refresh(&app, a["refresh_token"].as_str().unwrap()).await,
        401,
    )
    .await;
    let c = login(&app, "finn@example.com").await;
    ok(refresh(&app, c["refresh_token"].as_str().unwrap()).await).await;
    ok(set_disabled(&app, &token, &id, false).await).await;
    assert_eq!(events_of_kind(&app, &id, "account_enabled").await.len(), 1);
}

#[tokio::test]
async fn a_session_opened_on_a_disabled_account_cannot_refresh() {
    // The race a login can lose to a concurrent disable, replayed in order: the session
    // row is written after the disable revoked the others.
    let app = app().await;
    let (_, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "gus@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let tokens = login(&app, "gus@example.com").await;
    ok(set_disabled(&app, &token, &id, true).await).await;
    let sid = tokens["session_id"].as_str().unwrap().to_owned();
    db(&app, move |c| {
        use diesel::prelude::*;
        use haven_identity::schema::identity_sessions;
        diesel::update(identity_sessions::table.find(sid))
            .set(identity_sessions::revoked_at.eq(None::<chrono::NaiveDateTime>))
            .execute(c)
    })
    .await;
    let p = problem(
        refresh(&app, tokens["refresh_token"].as_str().unwrap()).await,
        401,
    )
    .await;
    assert_eq!(p["code"], "invalid_refresh_token");
}

/// Sends the requests at once, each on its own task of a multi-thread runtime, so the
/// transactions really overlap; returns their statuses in request order.
async fn all_at_once(app: &Arc<TestApp>, requests: Vec<(String, String, Value)>) -> Vec<u16> {
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|(token, id, roles)| {
            let app = Arc::clone(app);
            tokio::spawn(async move {
                put_roles(&app, &token, &id, &roles)
                    .await
                    .0
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    statuses
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_role_changes_leave_one_consistent_row_and_an_unbroken_audit_chain() {
    let app = Arc::new(app().await);
    let (_, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "hana@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let sets = [
        json!(["member", "coach"]),
        json!(["member", "clinician"]),
        json!(["member", "coach", "clinician"]),
        json!(["member"]),
    ];
    let requests = (0..24)
        .map(|i| (token.clone(), id.clone(), sets[i % sets.len()].clone()))
        .collect();
    let statuses = all_at_once(&app, requests).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");

    let final_roles = user_row(&app, &id).await.roles;
    let changes = events_of_kind(&app, &id, "role_changed").await;
    assert!(!changes.is_empty());
    // Each change starts from where the previous one ended: no lost update.
    let mut current = "member".to_owned();
    for change in &changes {
        let detail = change.detail.as_deref().unwrap();
        let (from, to) = detail
            .strip_prefix("roles: ")
            .unwrap()
            .split_once(" -> ")
            .unwrap();
        assert_eq!(from, current, "{detail}");
        assert_ne!(from, to, "{detail}");
        current = to.to_owned();
    }
    let stored: Vec<String> = serde_json::from_str(&final_roles).unwrap();
    assert_eq!(stored.join(","), current);
    println!("role race held on {:?}", app.db.backend());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_admins_stepping_down_at_once_leave_exactly_one_admin() {
    let app = Arc::new(app_without_login_limits().await);
    let admins = [
        admin(&app, "ada@example.com").await,
        admin(&app, "bea@example.com").await,
    ];
    let rounds = 10;
    for round in 0..rounds {
        let requests = admins
            .iter()
            .map(|(id, token)| (token.clone(), id.clone(), json!(["member"])))
            .collect();
        let mut statuses = all_at_once(&app, requests).await;
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "round {round}");
        let mut still_admin = 0;
        for (id, _) in &admins {
            let roles = user_row(&app, id).await.roles;
            if roles.contains("admin") {
                still_admin += 1;
            } else {
                assert_eq!(roles, r#"["member"]"#);
            }
        }
        assert_eq!(still_admin, 1, "round {round}");
        for (id, _) in &admins {
            grant(&app, id, r#"["admin","member"]"#).await;
        }
    }
    let mut changes = 0;
    for (id, _) in &admins {
        changes += events_of_kind(&app, id, "role_changed").await.len();
    }
    assert_eq!(changes, rounds, "one audited change per round");
    println!("last-admin race held on {:?}", app.db.backend());
}

#[tokio::test]
async fn an_admin_created_like_the_cli_does_keeps_member_and_can_administer() {
    // `haven admin create-user --role admin` calls this service method.
    let app = app().await;
    let service = haven_identity::IdentityService::new(&app.ctx);
    let input = haven_identity::service::RegisterInput {
        email: "Boot@Example.com".to_owned(),
        password: PASSWORD.to_owned(),
        display_name: None,
    };
    let user = service
        .create_user(input, vec![Role::Admin, Role::Admin])
        .await
        .unwrap();
    assert_eq!(user.roles, [Role::Admin, Role::Member]);
    let id = user.id.to_string();
    assert_eq!(user_row(&app, &id).await.roles, r#"["admin","member"]"#);

    let tokens = login(&app, "boot@example.com").await;
    let sid = tokens["session_id"].as_str().unwrap();
    let token = mint(
        &app,
        &id,
        sid,
        vec![Role::Member, Role::Admin],
        &["pwd", "otp"],
    );
    let page = ok(send(
        &app,
        Method::GET,
        "/v1/identity/admin/users?role=admin",
        Some(&token),
        None,
    )
    .await)
    .await;
    assert_eq!(page["items"][0]["id"], id.as_str());
    assert_eq!(page["items"][0]["roles"], json!(["admin", "member"]));
}
