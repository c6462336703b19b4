//! `PATCH /v1/identity/me`: profile and preferences.

use haven_platform::testing::{AssertProblem, TestApp};
use poem::http::StatusCode;
use poem::test::TestResponse;
use serde_json::{Value, json};

use crate::{PASSWORD, app, register};

/// Registers `email` and returns its access token.
async fn member(app: &TestApp, email: &str) -> String {
    register(app, email).await;
    app.sign_in(email, PASSWORD).await.access_token
}

async fn patch(app: &TestApp, token: &str, body: &Value) -> TestResponse {
    app.client
        .patch("/v1/identity/me")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
}

async fn me(app: &TestApp, token: &str) -> Value {
    let resp = app
        .client
        .get("/v1/identity/me")
        .header("authorization", format!("Bearer {token}"))
        .send()
        .await;
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

async fn ok(resp: TestResponse) -> Value {
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

#[tokio::test]
async fn a_new_account_has_an_empty_profile() {
    let app = app().await;
    let token = member(&app, "eve@example.com").await;
    let me = me(&app, &token).await;
    assert!(me["time_zone"].is_null(), "{me}");
    assert!(me["locale"].is_null(), "{me}");
    assert_eq!(me["marketing_consent"], false, "{me}");
    assert!(me["marketing_consent_at"].is_null(), "{me}");
}

#[tokio::test]
async fn the_profile_is_updated_field_by_field() {
    let app = app().await;
    let token = member(&app, "fay@example.com").await;
    let updated = ok(patch(
        &app,
        &token,
        &json!({
            "display_name": "  Fay  ",
            "time_zone": "America/New_York",
            "locale": "fr-CA",
            "marketing_consent": true
        }),
    )
    .await)
    .await;
    assert_eq!(updated["display_name"], "Fay", "{updated}");
    assert_eq!(updated["time_zone"], "America/New_York", "{updated}");
    assert_eq!(updated["locale"], "fr-CA", "{updated}");
    assert_eq!(updated["marketing_consent"], true, "{updated}");
    let consent_at = updated["marketing_consent_at"].as_str().unwrap().to_owned();
    assert_eq!(
        me(&app, &token).await,
        updated,
        "GET /me returns the new fields"
    );

    // Absent fields stay; the same consent again keeps its timestamp.
    let again = ok(patch(
        &app,
        &token,
        &json!({"locale": "en-GB", "marketing_consent": true}),
    )
    .await)
    .await;
    assert_eq!(again["locale"], "en-GB", "{again}");
    assert_eq!(again["time_zone"], "America/New_York", "{again}");
    assert_eq!(again["display_name"], "Fay", "{again}");
    assert_eq!(
        again["marketing_consent_at"],
        consent_at.as_str(),
        "{again}"
    );

    // Withdrawing consent records when; null clears a text field.
    let withdrawn = ok(patch(
        &app,
        &token,
        &json!({"marketing_consent": false, "time_zone": null}),
    )
    .await)
    .await;
    assert_eq!(withdrawn["marketing_consent"], false, "{withdrawn}");
    let withdrawn_at = withdrawn["marketing_consent_at"].as_str().unwrap();
    assert!(withdrawn_at >= consent_at.as_str(), "{withdrawn}");
    assert!(withdrawn["time_zone"].is_null(), "{withdrawn}");
    assert_eq!(withdrawn["locale"], "en-GB", "{withdrawn}");
    assert_eq!(me(&app, &token).await, withdrawn);
}

#[tokio::test]
async fn invalid_values_are_422_with_one_error_per_field() {
    let app = app().await;
    let token = member(&app, "gus@example.com").await;
    let body = (patch(
        &app,
        &token,
        &json!({
            "display_name": "x".repeat(101),
            "time_zone": "Mars/Olympus_Mons",
            "locale": "not a locale"
        }),
    )
    .await)
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let mut fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["display_name", "locale", "time_zone"], "{body}");
    for bad in [
        json!({"locale": "x-private"}),
        json!({"locale": "zz-QQ"}),
        json!({"time_zone": ""}),
    ] {
        patch(&app, &token, &bad)
            .await
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
    }
    let me = me(&app, &token).await;
    assert!(me["time_zone"].is_null() && me["locale"].is_null(), "{me}");
}

#[tokio::test]
async fn read_only_and_unknown_fields_are_400() {
    let app = app().await;
    let token = member(&app, "hal@example.com").await;
    let before = me(&app, &token).await;
    for body in [
        json!({"roles": ["admin"]}),
        json!({"id": "usr_0000000000000000000000000"}),
        json!({"email": "other@example.com"}),
        json!({"created_at": "2020-01-01T00:00:00Z"}),
        json!({"display_name": "Hal", "is_admin": true}),
    ] {
        patch(&app, &token, &body)
            .await
            .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
            .await;
    }
    assert_eq!(me(&app, &token).await, before, "nothing changed");

    // Without a token: 401.
    let resp = app
        .client
        .patch("/v1/identity/me")
        .header("content-type", "application/json")
        .body(json!({"locale": "en"}).to_string())
        .send()
        .await;
    resp.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
}
