//! Provider profiles (issue 14 point 1): admins manage them through the guard; accounts
//! must hold the type's role; members see no license numbers.

use haven_platform::testing::AssertProblem;
use poem::http::{Method, StatusCode};
use serde_json::json;

use crate::support::{app, json_of, provider, provider_body, send};

#[tokio::test]
async fn admins_create_providers_and_members_never_see_license_numbers() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let (_, created) = provider(&app, &admin, "therapist", "America/Los_Angeles").await;
    let id = created["id"].as_str().unwrap();
    assert!(id.starts_with("prv_"));
    assert_eq!(created["licenses"][0]["number"], "PSY-12345");

    let resp = send(
        &app,
        &member,
        Method::GET,
        &format!("/v1/care/providers/{id}"),
        None,
    )
    .await;
    let public = json_of(resp, StatusCode::OK).await;
    assert_eq!(public["licensed_in"], json!(["US-CA", "DE"]));
    assert!(!public.to_string().contains("PSY-12345"), "{public}");
    assert!(public.get("licenses").is_none());

    let resp = send(&app, &member, Method::GET, "/v1/care/providers", None).await;
    let page = json_of(resp, StatusCode::OK).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert!(!page.to_string().contains("PSY-12345"));
}

#[tokio::test]
async fn the_account_must_exist_and_hold_the_role_of_its_type() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let coach = app.coach().await;
    for (user, kind) in [(&member.user_id, "coach"), (&coach.user_id, "therapist")] {
        let resp = send(
            &app,
            &admin,
            Method::POST,
            "/v1/care/admin/providers",
            Some(provider_body(user, kind, "Europe/Berlin")),
        )
        .await;
        let p = resp
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
        assert_eq!(p["errors"][0]["field"], "user_id", "{p}");
    }
    let mut body = provider_body(&coach.user_id, "coach", "Mars/Olympus_Mons");
    body["languages"] = json!(["en", "EN"]);
    let resp = send(
        &app,
        &admin,
        Method::POST,
        "/v1/care/admin/providers",
        Some(body),
    )
    .await;
    let p = resp
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let fields: Vec<_> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert!(fields.contains(&"time_zone".to_owned()), "{p}");
    assert!(fields.contains(&"languages[1]".to_owned()), "{p}");

    let ok = provider_body(&coach.user_id, "coach", "Europe/Berlin");
    let resp = send(
        &app,
        &admin,
        Method::POST,
        "/v1/care/admin/providers",
        Some(ok.clone()),
    )
    .await;
    json_of(resp, StatusCode::CREATED).await;
    let resp = send(
        &app,
        &admin,
        Method::POST,
        "/v1/care/admin/providers",
        Some(ok),
    )
    .await;
    resp.assert_problem(StatusCode::CONFLICT, "provider_exists")
        .await;
}

#[tokio::test]
async fn only_admins_manage_providers() {
    let app = app().await;
    let member = app.member().await;
    let coach = app.coach().await;
    let resp = send(
        &app,
        &member,
        Method::POST,
        "/v1/care/admin/providers",
        Some(provider_body(&coach.user_id, "coach", "Europe/Berlin")),
    )
    .await;
    resp.assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;
}
