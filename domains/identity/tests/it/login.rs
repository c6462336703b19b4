//! `POST /v1/identity/login` and `GET /v1/identity/me`.

use serde_json::{Value, json};

use crate::{PASSWORD, app, post, problem, register};

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
    assert_eq!(principal.user_id, user["id"].as_str().unwrap());
    assert_eq!(principal.session_id, session_id);
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
        let mut problem = problem(resp, 401).await;
        assert_eq!(problem["code"], "invalid_credentials", "{problem}");
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
    let body = problem(resp, 401).await;
    assert_eq!(body["code"], "unauthorized", "{body}");
    let resp = app
        .client
        .get("/v1/identity/me")
        .header("authorization", "Bearer not.a.token")
        .send()
        .await;
    problem(resp, 401).await;
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
    problem(resp, 400).await;
}
