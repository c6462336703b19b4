//! The PHI audit log (issue 15 point 5): append-only in the database, a read whose row
//! cannot be written fails, and admins query it (audited too).

use haven_platform::testing::AssertProblem;
use poem::http::{Method, StatusCode};

use crate::support::{app, count, exec, json_of, on_postgres, profile, send, take};

#[tokio::test]
async fn the_audit_log_refuses_update_and_delete() {
    let app = app().await;
    let member = app.member().await;
    profile(&app, &member, "UTC").await;
    assert_eq!(count(&app, "care_phi_audit").await, 1);
    let update = exec(&app, "UPDATE care_phi_audit SET outcome = 'denied'").await;
    assert!(update.is_err(), "{update:?}");
    let delete = exec(&app, "DELETE FROM care_phi_audit").await;
    assert!(delete.is_err(), "{delete:?}");
    if on_postgres(&app) {
        assert!(exec(&app, "TRUNCATE care_phi_audit").await.is_err());
    }
    assert_eq!(
        count(&app, "care_phi_audit WHERE outcome = 'allowed'").await,
        1
    );
}

#[tokio::test]
async fn a_read_whose_audit_row_cannot_be_written_fails() {
    let app = app().await;
    let member = app.member().await;
    let body = json_of(
        take(&app, &member, "gad7", &[1; 7]).await,
        StatusCode::CREATED,
    )
    .await;
    let id = body["assessment"]["id"].as_str().unwrap().to_owned();
    if on_postgres(&app) {
        exec(&app, "CREATE FUNCTION test_audit_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit down'; END; $$ LANGUAGE plpgsql").await.unwrap();
        exec(&app, "CREATE TRIGGER test_audit_down BEFORE INSERT ON care_phi_audit FOR EACH ROW EXECUTE FUNCTION test_audit_down()").await.unwrap();
    } else {
        exec(&app, "CREATE TRIGGER test_audit_down BEFORE INSERT ON care_phi_audit BEGIN SELECT RAISE(ABORT, 'audit down'); END").await.unwrap();
    }
    let resp = send(
        &app,
        &member,
        Method::GET,
        &format!("/v1/care/me/assessments/{id}"),
        None,
    )
    .await;
    let p = resp
        .assert_problem(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        .await;
    assert!(p.get("answers").is_none());
    let resp = send(&app, &member, Method::GET, "/v1/care/me/assessments", None).await;
    resp.assert_problem(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        .await;
}

#[tokio::test]
async fn admins_query_the_log_by_subject_actor_resource_and_time_and_are_audited() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let other = app.member().await;
    let body = json_of(
        take(&app, &member, "gad7", &[1; 7]).await,
        StatusCode::CREATED,
    )
    .await;
    let id = body["assessment"]["id"].as_str().unwrap().to_owned();
    send(
        &app,
        &member,
        Method::GET,
        &format!("/v1/care/me/assessments/{id}"),
        None,
    )
    .await;
    send(
        &app,
        &other,
        Method::GET,
        &format!("/v1/care/me/assessments/{id}"),
        None,
    )
    .await;
    take(&app, &other, "gad7", &[0; 7]).await;

    // Not for members, and not without the second factor (the guard): members first.
    let resp = send(&app, &member, Method::GET, "/v1/care/admin/phi-audit", None).await;
    resp.assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;

    let path = format!(
        "/v1/care/admin/phi-audit?subject_id={}&limit=2",
        member.user_id
    );
    let resp = send(&app, &admin, Method::GET, &path, None).await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let page = json_of(resp, StatusCode::OK).await;
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["action"], "create");
    assert_eq!(items[1]["action"], "read");
    assert!(items[0]["request_id"].is_string());
    let next = page["next_cursor"].as_str().unwrap();
    let page = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            &format!("{path}&cursor={next}"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    // The denied read by `other`, then the admin's own first query (about this subject).
    assert_eq!(page["items"][0]["outcome"], "denied");
    assert_eq!(page["items"][0]["actor_id"], other.user_id.as_str());
    assert_eq!(page["items"][1]["resource_type"], "phi_audit");
    assert_eq!(page["items"][1]["actor_id"], admin.user_id.as_str());

    let by_actor = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            &format!(
                "/v1/care/admin/phi-audit?actor_id={}&resource_type=assessment",
                other.user_id
            ),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(by_actor["items"].as_array().unwrap().len(), 2);
    let by_resource = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            &format!("/v1/care/admin/phi-audit?resource_id={id}"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(by_resource["items"].as_array().unwrap().len(), 3);
    let future = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            "/v1/care/admin/phi-audit?from=2100-01-01T00:00:00Z",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(future["items"].as_array().unwrap().len(), 0);
    let resp = send(
        &app,
        &admin,
        Method::GET,
        "/v1/care/admin/phi-audit?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z",
        None,
    )
    .await;
    resp.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    // Every query so far was recorded, one row each (the refused one wrote nothing).
    assert_eq!(
        count(&app, "care_phi_audit WHERE resource_type = 'phi_audit'").await,
        5
    );
}
