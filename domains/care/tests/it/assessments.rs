//! Assessments (issue 15 point 1): server scoring, per-field validation, history and
//! trend, care-team reads, someone else's id audited as denied, never cached.

use haven_platform::testing::AssertProblem;
use poem::http::{Method, StatusCode};
use serde_json::json;

use crate::support::{app, audit_rows, count, join_team, json_of, provider, send, take};

#[tokio::test]
async fn instruments_define_items_options_and_the_published_bands() {
    let app = app().await;
    let member = app.member().await;
    let resp = send(
        &app,
        &member,
        Method::GET,
        "/v1/care/assessments/instruments",
        None,
    )
    .await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let body = json_of(resp, StatusCode::OK).await;
    let phq = &body[0];
    assert_eq!(phq["instrument"], "phq9");
    assert_eq!(phq["version"], 1);
    assert_eq!(phq["items"].as_array().unwrap().len(), 9);
    assert_eq!(phq["options"].as_array().unwrap().len(), 4);
    let bands: Vec<_> = phq["severity_bands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["min_total"].as_i64().unwrap(),
                b["max_total"].as_i64().unwrap(),
                b["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        bands,
        [
            (0, 4, "minimal".to_owned()),
            (5, 9, "mild".to_owned()),
            (10, 14, "moderate".to_owned()),
            (15, 19, "moderately_severe".to_owned()),
            (20, 27, "severe".to_owned())
        ]
    );
    let gad = &body[1];
    assert_eq!(gad["instrument"], "gad7");
    assert_eq!(gad["items"].as_array().unwrap().len(), 7);
    assert_eq!(gad["severity_bands"][3]["max_total"], 21);
}

#[tokio::test]
async fn the_server_scores_and_refuses_totals_wrong_counts_and_out_of_range_answers() {
    let app = app().await;
    let member = app.member().await;
    let resp = take(&app, &member, "gad7", &[3, 3, 3, 3, 1, 1, 1]).await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let body = json_of(resp, StatusCode::CREATED).await;
    assert_eq!(body["assessment"]["total"], 15);
    assert_eq!(body["assessment"]["severity"], "severe");
    assert_eq!(body["escalated"], false);
    assert_eq!(body["crisis_resources"], json!([]));

    // A client-supplied total is refused, whatever it says.
    let resp = send(
        &app,
        &member,
        Method::POST,
        "/v1/care/me/assessments",
        Some(json!({"instrument": "gad7", "answers": [0, 0, 0, 0, 0, 0, 0], "total": 0})),
    )
    .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;

    // PHQ-9 with 8 answers, two of them out of range: one error per field.
    let resp = take(&app, &member, "phq9", &[0, 4, 0, -1, 0, 0, 0, 0]).await;
    let p = resp
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let errors: Vec<_> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("answers".to_owned(), "wrong_item_count".to_owned()),
            ("answers[1]".to_owned(), "out_of_range".to_owned()),
            ("answers[3]".to_owned(), "out_of_range".to_owned())
        ]
    );
    // Only the valid GAD-7 was stored, and its creation audited.
    assert_eq!(count(&app, "care_assessments").await, 1);
    assert_eq!(
        audit_rows(&app, &member.user_id).await,
        [(
            "member".into(),
            "assessment".into(),
            "create".into(),
            "allowed".into()
        )]
    );
}

#[tokio::test]
async fn history_and_trend_are_the_members_own_and_another_id_is_a_denied_404() {
    let app = app().await;
    let member = app.member().await;
    let other = app.member().await;
    let mut ids = Vec::new();
    for answers in [
        [3, 3, 2, 2, 1, 1, 1, 0, 0],
        [2, 2, 1, 1, 1, 0, 0, 0, 0],
        [1, 1, 0, 0, 0, 0, 0, 0, 0],
    ] {
        let body = json_of(
            take(&app, &member, "phq9", &answers).await,
            StatusCode::CREATED,
        )
        .await;
        ids.push(body["assessment"]["id"].as_str().unwrap().to_owned());
    }
    take(&app, &member, "gad7", &[1; 7]).await;

    let resp = send(
        &app,
        &member,
        Method::GET,
        "/v1/care/me/assessments?instrument=phq9&limit=2",
        None,
    )
    .await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let page = json_of(resp, StatusCode::OK).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert_eq!(page["items"][0]["id"], ids[0].as_str());
    let next = page["next_cursor"].as_str().unwrap();
    let page = json_of(
        send(
            &app,
            &member,
            Method::GET,
            &format!("/v1/care/me/assessments?instrument=phq9&limit=2&cursor={next}"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["items"][0]["id"], ids[2].as_str());
    assert!(page["next_cursor"].is_null());

    let trend = json_of(
        send(
            &app,
            &member,
            Method::GET,
            "/v1/care/me/assessment-trend?instrument=phq9",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(trend["points"].as_array().unwrap().len(), 3);
    assert_eq!(trend["change"], 2 - 13);
    assert_eq!(trend["direction"], "improving");

    let mine = json_of(
        send(
            &app,
            &member,
            Method::GET,
            &format!("/v1/care/me/assessments/{}", ids[0]),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(mine["answers"], json!([3, 3, 2, 2, 1, 1, 1, 0, 0]));
    assert_eq!(mine["total"], 13);

    // Someone else's id: 404, and the attempt is on record as denied, about the owner.
    let resp = send(
        &app,
        &other,
        Method::GET,
        &format!("/v1/care/me/assessments/{}", ids[0]),
        None,
    )
    .await;
    resp.assert_problem(StatusCode::NOT_FOUND, "assessment_not_found")
        .await;
    let rows = audit_rows(&app, &member.user_id).await;
    assert_eq!(
        rows.last().unwrap(),
        &(
            "member".into(),
            "assessment".into(),
            "read".into(),
            "denied".into()
        )
    );
    assert_eq!(rows.iter().filter(|r| r.3 == "denied").count(), 1);
}

#[tokio::test]
async fn care_team_clinicians_read_a_members_assessments_others_get_a_denied_404() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let (on_team, prv) = provider(&app, &admin, "therapist", "UTC").await;
    let (stranger, _) = provider(&app, &admin, "therapist", "UTC").await;
    join_team(&app, &member.user_id, prv["id"].as_str().unwrap()).await;
    take(&app, &member, "gad7", &[2; 7]).await;

    let path = format!("/v1/care/provider/members/{}/assessments", member.user_id);
    let resp = send(&app, &on_team, Method::GET, &path, None).await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let page = json_of(resp, StatusCode::OK).await;
    assert_eq!(page["items"][0]["total"], 14);
    let trend = json_of(
        send(
            &app,
            &on_team,
            Method::GET,
            &format!(
                "/v1/care/provider/members/{}/assessment-trend?instrument=gad7",
                member.user_id
            ),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(trend["direction"], "not_enough_data");

    let resp = send(&app, &stranger, Method::GET, &path, None).await;
    resp.assert_problem(StatusCode::NOT_FOUND, "member_not_found")
        .await;
    // A member is no clinician at all.
    let resp = send(&app, &member, Method::GET, &path, None).await;
    resp.assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;

    let rows = audit_rows(&app, &member.user_id).await;
    let clinician_rows: Vec<_> = rows.iter().filter(|r| r.0 == "clinician").collect();
    assert_eq!(clinician_rows.len(), 3);
    assert_eq!(clinician_rows[2].3, "denied");
}

#[tokio::test]
async fn coaches_read_the_assessments_of_members_they_coach_and_no_one_elses() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let other = app.member().await;
    let (coach, prv) = provider(&app, &admin, "coach", "UTC").await;
    join_team(&app, &member.user_id, prv["id"].as_str().unwrap()).await;
    take(&app, &member, "phq9", &[1, 1, 1, 1, 1, 1, 1, 1, 0]).await;
    take(&app, &other, "phq9", &[1, 1, 1, 1, 1, 1, 1, 1, 0]).await;

    let mine = format!("/v1/care/provider/members/{}/assessments", member.user_id);
    let page = json_of(
        send(&app, &coach, Method::GET, &mine, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["items"][0]["total"], 8);
    let theirs = format!("/v1/care/provider/members/{}/assessments", other.user_id);
    send(&app, &coach, Method::GET, &theirs, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "member_not_found")
        .await;

    let coach_rows = |rows: Vec<(String, String, String, String)>| -> Vec<String> {
        rows.into_iter()
            .filter(|r| r.0 == "coach")
            .map(|r| format!("{}:{}:{}", r.1, r.2, r.3))
            .collect()
    };
    assert_eq!(
        coach_rows(audit_rows(&app, &member.user_id).await),
        ["assessment:list:allowed"]
    );
    assert_eq!(
        coach_rows(audit_rows(&app, &other.user_id).await),
        ["assessment:list:denied"]
    );
}
