//! The platform's test kit as a domain's tests use it: signed-in accounts of every role
//! with real tokens, the second factor where the role needs one, and problem assertions.

use haven_platform::auth::Role;
use haven_platform::testing::{AssertProblem, Login, TEST_PASSWORD, wait_until};
use poem::http::StatusCode;
use serde_json::{Value, json};

async fn me(
    app: &haven_platform::testing::TestApp,
    who: &haven_platform::testing::SignedIn,
) -> Value {
    let resp = who.get(app, "/v1/identity/me").send().await;
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

#[tokio::test]
async fn each_role_fixture_is_a_distinct_signed_in_account_with_real_tokens() {
    let app = haven_app::testing::app().await;
    let member = app.member().await;
    let coach = app.coach().await;
    let clinician = app.clinician().await;
    let admin = app.admin().await;

    for (who, roles, factor) in [
        (&member, json!(["member"]), false),
        (&coach, json!(["coach", "member"]), false),
        (&clinician, json!(["clinician", "member"]), true),
        (&admin, json!(["admin", "member"]), true),
    ] {
        let body = me(&app, who).await;
        assert_eq!(body["id"], who.user_id.as_str(), "{body}");
        assert_eq!(body["email"], who.email.as_str(), "{body}");
        let mut stored = body["roles"].as_array().unwrap().clone();
        let mut expected = roles.as_array().unwrap().clone();
        stored.sort_by_key(|r| r.to_string());
        expected.sort_by_key(|r| r.to_string());
        assert_eq!(stored, expected, "{body}");
        assert_eq!(who.totp.is_some(), factor, "{}", who.email);
        let mfa = who.get(&app, "/v1/identity/me/mfa").send().await;
        mfa.assert_status_is_ok();
        let mfa: Value = mfa.json().await.value().deserialize();
        assert_eq!(mfa["enabled"], factor, "{mfa}");
    }
    let ids = [&member, &coach, &clinician, &admin].map(|w| w.user_id.clone());
    assert!(ids.iter().enumerate().all(|(i, id)| !ids[..i].contains(id)));
}

#[tokio::test]
async fn the_admin_fixture_passes_the_admin_guard_and_a_member_gets_the_problem_code() {
    let app = haven_app::testing::app().await;
    let admin = app.admin().await;
    let member = app.member().await;

    admin
        .get(&app, "/v1/identity/admin/users")
        .send()
        .await
        .assert_status_is_ok();
    member
        .get(&app, "/v1/identity/admin/users")
        .send()
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;
}

#[tokio::test]
async fn an_account_with_a_second_factor_signs_in_again_through_the_code_step() {
    let app = haven_app::testing::app().await;
    let mut clinician = app.clinician().await;
    let first = clinician.tokens.session_id.clone();

    let again = clinician.sign_in_again(&app).await;
    assert_ne!(again.session_id, first);
    let resp = app
        .client
        .get("/v1/identity/me/sessions")
        .header("authorization", format!("Bearer {}", again.access_token))
        .send()
        .await;
    resp.assert_status_is_ok();
    let sessions: Value = resp.json().await.value().deserialize();
    assert_eq!(sessions["items"].as_array().unwrap().len(), 2, "{sessions}");
}

#[tokio::test]
async fn the_one_login_signs_a_fixture_account_in_from_a_labelled_device() {
    let app = haven_app::testing::app().await;
    let member = app.signed_in_with("kit@example.com", &[Role::Member]).await;

    let tokens = app
        .sign_in_as(Login::new("kit@example.com", TEST_PASSWORD).device("kit phone"))
        .await;
    assert_ne!(tokens.session_id, member.tokens.session_id);
    app.login("kit@example.com", "not the password at all")
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;

    let listed = app
        .client
        .get("/v1/identity/me/sessions")
        .header("authorization", format!("Bearer {}", tokens.access_token))
        .send()
        .await;
    let listed: Value = listed.json().await.value().deserialize();
    let labels: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["device_label"].as_str())
        .collect();
    assert_eq!(labels, ["kit phone"], "{listed}");
}

#[tokio::test]
#[should_panic(expected = "timed out after")]
async fn wait_until_fails_naming_what_never_happened() {
    wait_until(
        std::time::Duration::from_millis(30),
        "a condition that never holds",
        || async { false },
    )
    .await;
}
