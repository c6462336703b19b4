//! The member's care profile (issue 14 point 2): health data, no-store, the member and
//! audited admins only.

use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::testing::AssertProblem;
use poem::http::{Method, StatusCode};
use serde_json::json;

use crate::support::{app, audit_rows, join_team, json_of, profile, provider, send};

#[tokio::test]
async fn the_member_sets_and_reads_their_profile_never_cached() {
    let app = app().await;
    let member = app.member().await;
    let resp = send(&app, &member, Method::GET, "/v1/care/me/profile", None).await;
    resp.assert_problem(StatusCode::NOT_FOUND, "care_profile_not_found")
        .await;
    profile(&app, &member, "America/Los_Angeles").await;
    let resp = send(&app, &member, Method::GET, "/v1/care/me/profile", None).await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let body = json_of(resp, StatusCode::OK).await;
    assert_eq!(body["us_state"], "CA");
    assert_eq!(body["emergency_contact"]["name"], "Sam");
}

#[tokio::test]
async fn invalid_profiles_name_every_field() {
    let app = app().await;
    let member = app.member().await;
    let resp = send(
        &app,
        &member,
        Method::PUT,
        "/v1/care/me/profile",
        Some(json!({"country": "US", "us_state": null, "languages": ["en"], "time_zone": "Nowhere/Town",
                    "emergency_contact": {"name": " ", "phone": "call me", "relationship": "friend"}})),
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
    for f in [
        "us_state",
        "time_zone",
        "emergency_contact.name",
        "emergency_contact.phone",
    ] {
        assert!(fields.contains(&f.to_owned()), "{f}: {p}");
    }
    let resp = send(&app, &member, Method::GET, "/v1/care/me/profile", None).await;
    resp.assert_problem(StatusCode::NOT_FOUND, "care_profile_not_found")
        .await;
}

#[tokio::test]
async fn admins_read_a_members_profile_only_with_an_audited_reason() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let other = app.member().await;
    profile(&app, &member, "UTC").await;
    let path = format!(
        "/v1/care/admin/members/{}/profile?reason=safety%20check",
        member.user_id
    );
    let resp = send(&app, &other, Method::GET, &path, None).await;
    resp.assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;
    let resp = send(&app, &admin, Method::GET, &path, None).await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    json_of(resp, StatusCode::OK).await;
    use haven_care::schema::care_phi_audit as a;
    let rows: Vec<(String, Option<String>, Option<String>)> = app
        .ctx
        .db
        .run(|conn| {
            a::table
                .filter(a::actor_role.eq("admin"))
                .select((a::actor_id, a::subject_id, a::reason))
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(
        rows,
        vec![(
            admin.user_id.clone(),
            Some(member.user_id.clone()),
            Some("safety check".to_owned())
        )]
    );
}

#[tokio::test]
async fn care_team_clinicians_read_the_profile_others_get_a_denied_404() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    profile(&app, &member, "America/Los_Angeles").await;
    let (clinician, prv) = provider(&app, &admin, "therapist", "UTC").await;
    let (stranger, _) = provider(&app, &admin, "psychiatrist", "UTC").await;
    let (coach, coach_prv) = provider(&app, &admin, "coach", "UTC").await;
    for p in [&prv, &coach_prv] {
        join_team(&app, &member.user_id, p["id"].as_str().unwrap()).await;
    }
    let path = format!("/v1/care/provider/members/{}/profile", member.user_id);

    let resp = send(&app, &clinician, Method::GET, &path, None).await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let body = json_of(resp, StatusCode::OK).await;
    assert_eq!(body["emergency_contact"]["name"], "Sam");
    send(&app, &stranger, Method::GET, &path, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "care_profile_not_found")
        .await;
    // Coaches work from chat and assessments, not the profile.
    send(&app, &coach, Method::GET, &path, None)
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;

    let rows: Vec<String> = audit_rows(&app, &member.user_id)
        .await
        .into_iter()
        .filter(|r| r.0 == "clinician")
        .map(|r| format!("{} {} {}", r.1, r.2, r.3))
        .collect();
    assert_eq!(
        rows,
        ["care_profile read allowed", "care_profile read denied"]
    );
}
