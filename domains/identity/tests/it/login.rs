//! `POST /v1/identity/login` and `GET /v1/identity/me`.

use haven_platform::testing::AssertProblem;
use poem::http::StatusCode;
use serde_json::{Value, json};

use crate::{PASSWORD, app, post, register};

#[tokio::test]
async fn login_returns_tokens_that_work_on_me() {
    let app = app().await;
    let user = register(&app, "kim@example.com").await;
    let resp = post(
        &app,
        "/v1/identity/login",
        &json!({"email": " KIM@example.com", "password": PASSWORD, "device_label": "Kim's phone"}),
    )
    .await;
    resp.assert_status_is_ok();
    let tokens: Value = resp.json().await.value().deserialize();
    assert_eq!(tokens["token_type"], "Bearer", "{tokens}");
    assert_eq!(tokens["expires_in"], 900, "{tokens}");
    let session_id = tokens["session_id"].as_str().unwrap();
    assert!(session_id.starts_with("ses_"), "{tokens}");
    let refresh = tokens["refresh_token"].as_str().unwrap();
    assert!(refresh.len() >= 43, "256 bits, base64url: {refresh}");
    let access = tokens["access_token"].as_str().unwrap();

    let principal = app.ctx.auth.verify(access).unwrap();
    assert_eq!(principal.user_id.to_string(), user["id"].as_str().unwrap());
    assert_eq!(principal.session_id.to_string(), session_id);
    assert_eq!(principal.amr, vec!["pwd".to_owned()]);

    let resp = app
        .client
        .get("/v1/identity/me")
        .header("authorization", format!("Bearer {access}"))
        .send()
        .await;
    resp.assert_status_is_ok();
    let me: Value = resp.json().await.value().deserialize();
    assert_eq!(me, user);
}

#[tokio::test]
async fn wrong_password_and_unknown_email_give_identical_401s() {
    let app = app().await;
    register(&app, "lee@example.com").await;
    let mut bodies = Vec::new();
    for body in [
        json!({"email": "lee@example.com", "password": "not the right password"}),
        json!({"email": "nobody@example.com", "password": PASSWORD}),
        json!({"email": "not-an-email", "password": PASSWORD}),
    ] {
        let resp = post(&app, "/v1/identity/login", &body).await;
        let mut problem = resp
            .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
            .await;
        problem.as_object_mut().unwrap().remove("request_id");
        bodies.push(problem);
    }
    assert_eq!(bodies[0], bodies[1]);
    assert_eq!(bodies[0], bodies[2]);
    let text = bodies[0].to_string();
    assert!(
        !text.contains(PASSWORD) && !text.contains("not the right"),
        "{text}"
    );
}

#[tokio::test]
async fn me_without_a_token_is_a_401_problem() {
    let app = app().await;
    let resp = app.client.get("/v1/identity/me").send().await;
    resp.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
    let resp = app
        .client
        .get("/v1/identity/me")
        .header("authorization", "Bearer not.a.token")
        .send()
        .await;
    resp.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
}

#[tokio::test]
async fn login_rejects_unknown_fields() {
    let app = app().await;
    let resp = post(
        &app,
        "/v1/identity/login",
        &json!({"email": "a@example.com", "password": PASSWORD, "amr": ["mfa"]}),
    )
    .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
}

fn hash_with(m: u32, t: u32, password: &str) -> String {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let params = argon2::Params::new(m, t, 1, None).unwrap();
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let salt = SaltString::encode_b64(b"0123456789abcdef").unwrap();
    argon
        .hash_password(password.as_bytes(), &salt)
        .unwrap()
        .to_string()
}

async fn set_hash(app: &haven_platform::testing::TestApp, user_id: &str, hash: &str) {
    let (id, hash) = (user_id.parse().unwrap(), hash.to_owned());
    app.ctx
        .db
        .run(move |conn| {
            haven_identity::accounts::repo::update_password_hash(
                conn,
                id,
                &hash,
                haven_platform::time::now_utc(),
            )
            .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
}

async fn stored_hash(app: &haven_platform::testing::TestApp, email: &str) -> String {
    let email = email.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            haven_identity::accounts::repo::find_user_by_email(conn, &email)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap()
        .unwrap()
        .password_hash
}

#[tokio::test]
async fn a_login_rehashes_a_hash_weaker_than_the_current_parameters() {
    let app = app().await;
    let user = register(&app, "old@example.com").await;
    let id = user["id"].as_str().unwrap();
    let login = json!({"email": "old@example.com", "password": PASSWORD});

    let weak = hash_with(4096, 1, PASSWORD);
    set_hash(&app, id, &weak).await;
    post(&app, "/v1/identity/login", &login)
        .await
        .assert_status_is_ok();
    let rehashed = stored_hash(&app, "old@example.com").await;
    assert!(
        rehashed.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{rehashed}"
    );
    post(&app, "/v1/identity/login", &login)
        .await
        .assert_status_is_ok();

    // A stronger hash is kept as it is.
    let strong = hash_with(19_456, 3, PASSWORD);
    set_hash(&app, id, &strong).await;
    post(&app, "/v1/identity/login", &login)
        .await
        .assert_status_is_ok();
    assert_eq!(stored_hash(&app, "old@example.com").await, strong);
}

#[tokio::test]
async fn a_login_flood_does_not_starve_other_requests() {
    // Unknown addresses (each one still costs a hash), with the rate limits out of the
    // way: this is about the hashing pool, not the limits. Ordering, not wall-clock:
    // once the first hash finished the rest are queued on the bounded pool, and a probe
    // sent then must be answered while logins are still waiting.
    let app = crate::app_without_login_limits().await;
    let app = &app;
    let finished = std::sync::atomic::AtomicUsize::new(0);
    let first_done = tokio::sync::Notify::new();
    let (finished, first_done) = (&finished, &first_done);
    let logins = futures_util::future::join_all((0..40).map(|n| async move {
        let status = post(
            app,
            "/v1/identity/login",
            &json!({"email": format!("flood{n}@example.com"), "password": "wrong password, again"}),
        )
        .await
        .0
        .status()
        .as_u16();
        finished.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        first_done.notify_one();
        status
    }));
    let live = async {
        first_done.notified().await;
        app.client
            .get("/health/live")
            .send()
            .await
            .assert_status_is_ok();
        finished.load(std::sync::atomic::Ordering::SeqCst)
    };
    let (statuses, finished_when_live_answered) = tokio::join!(logins, live);
    assert!(statuses.iter().all(|s| *s == 401), "{statuses:?}");
    assert!(
        finished_when_live_answered < 40,
        "/health/live was answered only after every queued login had been hashed"
    );
}

#[tokio::test]
async fn logins_and_logouts_are_recorded_as_security_events() {
    let app = app().await;
    let user = register(&app, "audit@example.com").await;
    let id = user["id"].as_str().unwrap();
    app.login("audit@example.com", "wrong wrong wrong")
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;
    let resp = app.login("audit@example.com", PASSWORD).await;
    resp.assert_status_is_ok();
    let tokens: Value = resp.json().await.value().deserialize();
    app.client
        .post("/v1/identity/logout")
        .header(
            "authorization",
            format!("Bearer {}", tokens["access_token"].as_str().unwrap()),
        )
        .send()
        .await
        .assert_status(poem::http::StatusCode::NO_CONTENT);
    assert_eq!(
        crate::security_events(&app, id).await,
        ["login_failed", "login_succeeded", "session_revoked"]
    );
}
