//! Crisis escalation (issue 15 point 2): one transaction stores the assessment, the task
//! and `care.risk_escalated`, or nothing; routing to the care team's clinician or the
//! on-call queue; crisis resources; acknowledge, resolve, and the overdue alert.

use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::testing::{AssertProblem, TestApp};
use poem::http::{Method, StatusCode};
use serde_json::json;

use crate::support::{
    app, audit_rows, count, exec, join_team, json_of, on_postgres, profile, provider, send, take,
};

const ITEM_NINE: [i64; 9] = [0, 0, 0, 0, 0, 0, 0, 0, 1];

/// `(event_type, payload)` of every outbox event of `kind`.
async fn events(app: &TestApp, kind: &str) -> Vec<serde_json::Value> {
    use haven_platform::schema::platform_outbox_events as o;
    let kind = kind.to_owned();
    let rows: Vec<String> = app
        .ctx
        .db
        .run(move |conn| {
            o::table
                .filter(o::event_type.eq(kind))
                .select(o::payload)
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    rows.iter()
        .map(|p| serde_json::from_str(p).unwrap())
        .collect()
}

#[tokio::test]
async fn item_nine_escalates_to_the_care_team_clinician_with_crisis_resources() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    profile(&app, &member, "America/Los_Angeles").await;
    let (clinician, prv) = provider(&app, &admin, "therapist", "UTC").await;
    let prv = prv["id"].as_str().unwrap().to_owned();
    join_team(&app, &member.user_id, &prv).await;

    let resp = take(&app, &member, "phq9", &ITEM_NINE).await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let body = json_of(resp, StatusCode::CREATED).await;
    assert_eq!(body["escalated"], true);
    assert_eq!(body["assessment"]["total"], 1);
    assert_eq!(body["assessment"]["severity"], "minimal");
    assert_eq!(body["crisis_resources"][0]["phone"], "988");

    let published = events(&app, "care.risk_escalated").await;
    assert_eq!(published.len(), 1);
    assert_eq!(published[0]["provider_id"], prv.as_str());
    assert_eq!(published[0]["reasons"], json!(["self_harm_item"]));

    let list = json_of(
        send(
            &app,
            &clinician,
            Method::GET,
            "/v1/care/provider/escalations",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let task = &list["items"][0];
    assert_eq!(task["provider_id"], prv.as_str());
    assert_eq!(task["status"], "open");
    assert_eq!(task["assessment_id"], body["assessment"]["id"]);
    let created =
        chrono::DateTime::parse_from_rfc3339(task["created_at"].as_str().unwrap()).unwrap();
    let due = chrono::DateTime::parse_from_rfc3339(task["due_at"].as_str().unwrap()).unwrap();
    assert_eq!(due - created, chrono::Duration::hours(1));
    let id = task["id"].as_str().unwrap();

    // Resolving needs an acknowledgement first.
    let resolve = format!("/v1/care/provider/escalations/{id}/resolve");
    let resp = send(
        &app,
        &clinician,
        Method::POST,
        &resolve,
        Some(json!({"note": "Called the member."})),
    )
    .await;
    resp.assert_problem(StatusCode::CONFLICT, "escalation_not_acknowledged")
        .await;
    let ack = format!("/v1/care/provider/escalations/{id}/acknowledge");
    let acked = json_of(
        send(&app, &clinician, Method::POST, &ack, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(acked["status"], "acknowledged");
    let done = json_of(
        send(
            &app,
            &clinician,
            Method::POST,
            &resolve,
            Some(json!({"note": "Called the member."})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(done["status"], "resolved");
    assert_eq!(done["resolution_note"], "Called the member.");
    let resp = send(&app, &clinician, Method::POST, &ack, None).await;
    resp.assert_problem(StatusCode::CONFLICT, "escalation_resolved")
        .await;

    let rows = audit_rows(&app, &member.user_id).await;
    let actions: Vec<_> = rows
        .iter()
        .map(|r| (r.1.as_str(), r.2.as_str(), r.3.as_str()))
        .collect();
    assert!(
        actions.contains(&("escalation", "create", "allowed")),
        "{actions:?}"
    );
    assert!(
        actions.contains(&("escalation", "acknowledge", "allowed")),
        "{actions:?}"
    );
    assert!(
        actions.contains(&("escalation", "resolve", "allowed")),
        "{actions:?}"
    );
}

#[tokio::test]
async fn without_a_clinician_a_severe_total_goes_to_the_on_call_queue() {
    let app = haven_app::testing::builder()
        .settings(|s| s.care.escalation_phq9_total = 15)
        .build(haven_app::wiring::build_app)
        .await;
    let admin = app.admin().await;
    let member = app.member().await;
    let (on_call, _) = provider(&app, &admin, "psychiatrist", "UTC").await;
    let (other, _) = provider(&app, &admin, "therapist", "UTC").await;

    // 15: the configured threshold; no care profile, so the `*` resources: never none.
    let body = json_of(
        take(&app, &member, "phq9", &[3, 3, 3, 3, 3, 0, 0, 0, 0]).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(body["escalated"], true);
    assert_eq!(body["crisis_resources"].as_array().unwrap().len(), 1);
    assert_eq!(
        body["crisis_resources"][0]["url"],
        "https://findahelpline.com"
    );
    let list = json_of(
        send(
            &app,
            &on_call,
            Method::GET,
            "/v1/care/provider/escalations",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let task = &list["items"][0];
    assert!(task["provider_id"].is_null());
    assert_eq!(task["reasons"], json!(["severe_total"]));
    let id = task["id"].as_str().unwrap().to_owned();
    let acked = json_of(
        send(
            &app,
            &on_call,
            Method::POST,
            &format!("/v1/care/provider/escalations/{id}/acknowledge"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert!(acked["provider_id"].is_string());
    // Taken from the queue: another clinician no longer sees it, and is refused.
    let list = json_of(
        send(
            &app,
            &other,
            Method::GET,
            "/v1/care/provider/escalations",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list["items"], json!([]));
    let resp = send(
        &app,
        &other,
        Method::POST,
        &format!("/v1/care/provider/escalations/{id}/resolve"),
        Some(json!({"note": "x"})),
    )
    .await;
    resp.assert_problem(StatusCode::NOT_FOUND, "escalation_not_found")
        .await;
    let denied = audit_rows(&app, &member.user_id)
        .await
        .into_iter()
        .filter(|r| r.3 == "denied")
        .count();
    assert_eq!(denied, 1);
    // A GAD-7 never escalates; a mild PHQ-9 neither.
    let body = json_of(
        take(&app, &member, "phq9", &[1, 1, 1, 0, 0, 0, 0, 0, 0]).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(body["escalated"], false);
    assert_eq!(count(&app, "care_escalations").await, 1);
}

#[tokio::test]
async fn a_failing_outbox_leaves_neither_assessment_nor_task() {
    let app = app().await;
    let member = app.member().await;
    if on_postgres(&app) {
        exec(&app, "CREATE FUNCTION test_outbox_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END; $$ LANGUAGE plpgsql").await.unwrap();
        exec(&app, "CREATE TRIGGER test_outbox_down BEFORE INSERT ON platform_outbox_events FOR EACH ROW WHEN (NEW.event_type = 'care.risk_escalated') EXECUTE FUNCTION test_outbox_down()").await.unwrap();
    } else {
        exec(&app, "CREATE TRIGGER test_outbox_down BEFORE INSERT ON platform_outbox_events WHEN NEW.event_type = 'care.risk_escalated' BEGIN SELECT RAISE(ABORT, 'outbox down'); END").await.unwrap();
    }
    let resp = take(&app, &member, "phq9", &ITEM_NINE).await;
    resp.assert_problem(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        .await;
    assert_eq!(count(&app, "care_assessments").await, 0);
    assert_eq!(count(&app, "care_escalations").await, 0);
    assert_eq!(count(&app, "care_phi_audit").await, 0);
    assert_eq!(
        count(
            &app,
            "platform_outbox_events WHERE event_type = 'care.risk_escalated'"
        )
        .await,
        0
    );
    // Without risk, nothing touches the outbox: the same member can still take one.
    json_of(
        take(&app, &member, "gad7", &[0; 7]).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(count(&app, "care_assessments").await, 1);
}

#[tokio::test]
async fn a_task_past_its_deadline_is_alerted_once() {
    let app = app().await;
    let member = app.member().await;
    json_of(
        take(&app, &member, "phq9", &ITEM_NINE).await,
        StatusCode::CREATED,
    )
    .await;
    let service = haven_app::wiring::modules(&app.ctx).care.service().clone();
    assert_eq!(service.alert_overdue_escalations().await.unwrap(), 0);
    exec(&app, "UPDATE care_escalations SET due_at = created_at")
        .await
        .unwrap();
    assert_eq!(service.alert_overdue_escalations().await.unwrap(), 1);
    assert_eq!(service.alert_overdue_escalations().await.unwrap(), 0);
    let alerts = events(&app, "care.escalation_overdue").await;
    assert_eq!(alerts.len(), 1);
    assert!(alerts[0]["provider_id"].is_null());
}

#[tokio::test]
async fn admins_oversee_every_task_and_the_overdue_ones_audited_per_member() {
    let app = app().await;
    let admin = app.admin().await;
    let (clinician, _) = provider(&app, &admin, "therapist", "UTC").await;
    let first = app.member().await;
    let second = app.member().await;
    for m in [&first, &second] {
        json_of(take(&app, m, "phq9", &ITEM_NINE).await, StatusCode::CREATED).await;
    }
    // The first member's task is past its deadline.
    exec(
        &app,
        &format!(
            "UPDATE care_escalations SET due_at = created_at WHERE member_id = '{}'",
            first.user_id
        ),
    )
    .await
    .unwrap();

    let all = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            "/v1/care/admin/escalations",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(all["items"].as_array().unwrap().len(), 2);
    let overdue = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            "/v1/care/admin/escalations?overdue_only=true",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let items = overdue["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["member_id"], first.user_id.as_str());
    // Clinicians have their own list; this one is admins'.
    send(
        &app,
        &clinician,
        Method::GET,
        "/v1/care/admin/escalations",
        None,
    )
    .await
    .assert_problem(StatusCode::FORBIDDEN, "forbidden")
    .await;

    let admin_rows = |rows: Vec<(String, String, String, String)>| -> usize {
        rows.iter()
            .filter(|r| r.0 == "admin" && r.1 == "escalation" && r.2 == "list")
            .count()
    };
    assert_eq!(admin_rows(audit_rows(&app, &first.user_id).await), 2);
    assert_eq!(admin_rows(audit_rows(&app, &second.user_id).await), 1);
}
