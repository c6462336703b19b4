//! `POST /v1/identity/register`.

use haven_platform::DbError;
use haven_platform::testing::AssertProblem;
use poem::http::StatusCode;
use serde_json::{Value, json};

use crate::{PASSWORD, app, post, register};

#[tokio::test]
async fn registering_creates_a_member_with_a_normalized_email_and_an_argon2id_hash() {
    let app = app().await;
    let resp = post(
        &app,
        "/v1/identity/register",
        &json!({"email": "  Jane.Doe@Example.COM ", "password": PASSWORD, "display_name": "Jane"}),
    )
    .await;
    resp.assert_status(poem::http::StatusCode::CREATED);
    let user: Value = resp.json().await.value().deserialize();
    assert!(user["id"].as_str().unwrap().starts_with("usr_"), "{user}");
    assert_eq!(user["email"], "Jane.Doe@example.com");
    assert_eq!(user["display_name"], "Jane");
    assert_eq!(user["roles"], json!(["member"]));
    assert!(user["created_at"].is_string());
    assert!(user.get("password").is_none() && user.get("password_hash").is_none());

    let row = app
        .ctx
        .db
        .run(|conn| {
            haven_identity::accounts::repo::find_user_by_email(conn, "jane.doe@example.com")
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
        .expect("the row");
    assert_eq!(row.id.to_string(), user["id"].as_str().unwrap());
    assert_eq!(row.email, "Jane.Doe@example.com");
    assert_eq!(row.email_normalized, "jane.doe@example.com");
    assert!(
        row.password_hash
            .starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{}",
        row.password_hash
    );
    assert!(!row.password_hash.contains(PASSWORD));
    assert_eq!(row.roles, r#"["member"]"#);
}

#[tokio::test]
async fn a_case_variant_of_a_registered_email_is_409_email_taken() {
    let app = app().await;
    register(&app, "sam@example.com").await;
    let resp = post(
        &app,
        "/v1/identity/register",
        &json!({"email": "SAM@Example.com", "password": "another long passphrase"}),
    )
    .await;
    resp.assert_problem(StatusCode::CONFLICT, "email_taken")
        .await;
}

#[tokio::test]
async fn invalid_fields_are_422_with_one_error_per_field() {
    let app = app().await;
    let resp = post(
        &app,
        "/v1/identity/register",
        &json!({"email": "not-an-email", "password": "sh0rtpw"}),
    )
    .await;
    let body = resp
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let errors = body["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e["field"] == "email" && e["code"] == "invalid"),
        "{body}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e["field"] == "password" && e["code"] == "too_short"),
        "{body}"
    );
    assert!(
        !body.to_string().contains("sh0rtpw"),
        "echoes no password: {body}"
    );

    for (password, code) in [
        ("x".repeat(129), "too_long"),
        ("Q1W2E3R4T5Y6".to_owned(), "too_common"),
    ] {
        let resp = post(
            &app,
            "/v1/identity/register",
            &json!({"email": "ok@example.com", "password": password}),
        )
        .await;
        let body = resp
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
        assert_eq!(body["errors"][0]["field"], "password", "{body}");
        assert_eq!(body["errors"][0]["code"], code, "{body}");
    }
}

#[tokio::test]
async fn passwords_are_nfkc_normalized_and_any_unicode() {
    let app = app().await;
    // U+FF21 (fullwidth A) is NFKC-equal to "A": login with either form works.
    let password = "ＡＡＡＡ passphrase ünïcödé";
    let resp = post(
        &app,
        "/v1/identity/register",
        &json!({"email": "uni@example.com", "password": password}),
    )
    .await;
    resp.assert_status(poem::http::StatusCode::CREATED);
    app.login("uni@example.com", "AAAA passphrase ünïcödé")
        .await
        .assert_status_is_ok();
}

#[tokio::test]
async fn a_body_setting_its_own_role_is_rejected_with_400() {
    let app = app().await;
    let resp = post(
        &app,
        "/v1/identity/register",
        &json!({"email": "eve@example.com", "password": PASSWORD, "role": "admin"}),
    )
    .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    let resp = post(
        &app,
        "/v1/identity/register",
        &json!({"email": "eve@example.com", "password": PASSWORD, "roles": ["admin"]}),
    )
    .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
}

#[tokio::test]
async fn fifty_concurrent_registrations_of_one_email_give_exactly_one_account() {
    let app = app().await;
    let app = &app;
    let requests = (0..50).map(|i| async move {
        let email = if i % 2 == 0 {
            "race@example.com"
        } else {
            "RACE@example.com"
        };
        post(
            app,
            "/v1/identity/register",
            &json!({"email": email, "password": PASSWORD}),
        )
        .await
    });
    let responses = futures_util::future::join_all(requests).await;
    let mut created = 0;
    let mut taken = 0;
    for resp in responses {
        match resp.0.status().as_u16() {
            201 => created += 1,
            409 => {
                resp.assert_problem(StatusCode::CONFLICT, "email_taken")
                    .await;
                taken += 1;
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!((created, taken), (1, 49));
    let count = app
        .ctx
        .db
        .run(|conn| {
            use diesel::prelude::*;
            use haven_identity::schema::identity_users::dsl::*;
            identity_users
                .filter(email_normalized.eq("race@example.com"))
                .count()
                .get_result::<i64>(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(count, 1);
    // Says which backend proved it (nextest shows the output of failures only).
    println!("race held on {:?}", app.db.backend());
}

#[tokio::test]
async fn a_retry_with_the_same_idempotency_key_replays_the_account() {
    let app = app().await;
    let body = json!({"email": "retry@example.com", "password": PASSWORD}).to_string();
    let send = || {
        app.client
            .post("/v1/identity/register")
            .header("content-type", "application/json")
            .header("idempotency-key", "2f1c6a52-signup")
            .body(body.clone())
            .send()
    };
    let first = send().await;
    first.assert_status(poem::http::StatusCode::CREATED);
    let first: Value = first.json().await.value().deserialize();
    let again = send().await;
    again.assert_status(poem::http::StatusCode::CREATED);
    again.assert_header("idempotent-replayed", "true");
    let again: Value = again.json().await.value().deserialize();
    assert_eq!(first, again);
}
