//! Eligibility lists: CSV uploads (validation report, replacement), joins through them,
//! and the memberships a new list ends.

use diesel::prelude::*;
use haven_identity::schema::{
    identity_organization_eligibility as el, identity_organizations as o,
};
use haven_platform::DbError;
use haven_platform::testing::{AssertProblem, TestApp};
use poem::http::StatusCode;
use serde_json::{Value, json};

use crate::app;
use crate::org_support::{
    admin, audit, create_org, join, json_of, member, memberships, org_events, send, upload,
};

/// `(row, email, employee id)` of the stored list, in row order.
async fn stored_list(app: &TestApp, org: &str) -> Vec<(i64, Option<String>, Option<String>)> {
    let org = org.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            el::table
                .filter(el::organization_id.eq(org))
                .order(el::row_number.asc())
                .select((el::row_number, el::email_normalized, el::employee_id))
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

async fn entries_count(app: &TestApp, org: &str) -> i64 {
    let org = org.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            o::table
                .find(org)
                .select(o::eligibility_entries)
                .first(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn an_invalid_list_gets_a_per_row_report_and_changes_nothing() {
    let app = app().await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &[]).await;
    let report = json_of(
        upload(
            &app,
            &org,
            &root,
            "email,employee_id\nJane@Gmail.com,E1\n,E2\n",
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(report, json!({"entries": 2, "memberships_ended": 0}));
    let jane = member(&app, "jane@gmail.com", true).await;
    json_of(join(&app, &jane, &org, None).await, StatusCode::CREATED).await;
    let before = stored_list(&app, &org).await;
    assert_eq!(
        before,
        [
            (2, Some("jane@gmail.com".to_owned()), Some("E1".to_owned())),
            (3, None, Some("E2".to_owned()))
        ]
    );

    // Jane is missing from this list, but it is invalid, so it must not end her membership.
    let csv =
        "email,employee_id\nbob@acme.com,E1\nnot-an-email,E2\n,\nBOB@acme.com,E3\nx@acme.com\n";
    let body = upload(&app, &org, &root, csv)
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "eligibility_list_invalid")
        .await;
    assert_eq!(
        body["detail"],
        "The list has 4 problem(s); nothing was changed."
    );
    let errors: Vec<(&str, &str)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [
            ("rows[3].email", "invalid_email"),
            ("rows[4].row", "empty_row"),
            ("rows[5].email", "duplicate"),
            ("rows[6].row", "wrong_column_count"),
        ]
    );
    assert_eq!(
        body["errors"][2]["message"],
        "Row 5: the email address is already on row 2."
    );

    let b = upload(&app, &org, &root, "name,email\nJ,j@acme.com\n")
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "eligibility_list_invalid")
        .await;
    assert_eq!(b["errors"][0]["field"], "rows[1].row");
    assert_eq!(b["errors"][0]["code"], "unknown_column");
    let b = upload(&app, &org, &root, "")
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "eligibility_list_invalid")
        .await;
    assert_eq!(b["errors"][0]["code"], "missing_header");

    assert_eq!(stored_list(&app, &org).await, before);
    assert_eq!(entries_count(&app, &org).await, 2);
    let rows = memberships(&app, &org).await;
    assert!(rows[0].ended_at.is_none());
    assert_eq!(org_events(&app).await.len(), 1, "only Jane's join");
}

#[tokio::test]
async fn uploads_need_csv_within_the_size_limit_and_an_existing_organization() {
    let app = app().await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &[]).await;
    let put = |content_type: &'static str, body: Vec<u8>| {
        app.client
            .put(format!("/v1/identity/organizations/{org}/eligibility"))
            .header("authorization", format!("Bearer {}", root.token))
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    put("text/plain", b"email\n".to_vec())
        .await
        .assert_problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
        .await;
    put("application/json", b"{}".to_vec())
        .await
        .assert_problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
        .await;
    (put(
        "text/csv; charset=utf-8",
        b"email\n\xff\xfe@x.com\n".to_vec(),
    )
    .await)
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    let mut big = b"employee_id\n".to_vec();
    while big.len() <= 1024 * 1024 {
        big.extend_from_slice(b"EMPLOYEE-0000000000000000\n");
    }
    put("text/csv", big)
        .await
        .assert_problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
        .await;
    upload(&app, "org_01h455vb4pex5vsknk084sn02q", &root, "email\n")
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    assert!(stored_list(&app, &org).await.is_empty());
    // Within the limits: the header alone is an empty list.
    json_of(
        put("text/csv; charset=utf-8", b"email\n".to_vec()).await,
        StatusCode::OK,
    )
    .await;
}

#[tokio::test]
async fn members_join_by_employee_id_once_per_id() {
    let app = app().await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &[]).await;
    upload(
        &app,
        &org,
        &root,
        "employee_id,email\nE1,\nE2,bob@acme.com\n",
    )
    .await
    .assert_status_is_ok();
    let x = member(&app, "x@gmail.com", true).await;
    let y = member(&app, "y@gmail.com", true).await;
    let bob = member(&app, "bob@acme.com", true).await;

    // Only the employee id: the email alone does not qualify x.
    join(&app, &x, &org, None)
        .await
        .assert_problem(StatusCode::FORBIDDEN, "not_eligible")
        .await;
    let joined = json_of(
        join(&app, &x, &org, Some(" E1 ")).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        (joined["via"].as_str(), joined["employee_id"].as_str()),
        (Some("employee_id"), Some("E1"))
    );
    join(&app, &y, &org, Some("E1"))
        .await
        .assert_problem(StatusCode::CONFLICT, "employee_id_claimed")
        .await;
    // E2's row names Bob's email: someone else cannot use the id.
    join(&app, &y, &org, Some("E2"))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "not_eligible")
        .await;
    // Ids are compared exactly.
    join(&app, &y, &org, Some("e1"))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "not_eligible")
        .await;
    let joined = json_of(
        join(&app, &bob, &org, Some("E2")).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(joined["via"], "employee_id");

    let rows = memberships(&app, &org).await;
    let user_ids: Vec<String> = rows.iter().map(|m| m.user_id.to_string()).collect();
    let state: Vec<(&str, Option<&str>)> = rows
        .iter()
        .zip(&user_ids)
        .map(|(m, u)| (u.as_str(), m.employee_id.as_deref()))
        .collect();
    assert_eq!(
        state,
        [(x.id.as_str(), Some("E1")), (bob.id.as_str(), Some("E2"))]
    );
}

#[tokio::test]
async fn a_replacement_list_ends_the_memberships_it_no_longer_covers() {
    let app = app().await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &["acme.com"]).await;
    upload(
        &app,
        &org,
        &root,
        "email,employee_id\na@gmail.com,\n,E1\nd@gmail.com,\nc@acme.com,\n",
    )
    .await
    .assert_status_is_ok();
    let a = member(&app, "a@gmail.com", true).await;
    let b = member(&app, "b@gmail.com", true).await;
    let c = member(&app, "c@acme.com", true).await;
    let d = member(&app, "d@gmail.com", true).await;
    for (who, employee_id, via) in [
        (&a, None, "eligibility_email"),
        (&b, Some("E1"), "employee_id"),
        (&c, None, "email_domain"),
        (&d, None, "eligibility_email"),
    ] {
        let joined = json_of(
            join(&app, who, &org, employee_id).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(joined["via"], via);
    }

    // c joined by domain: dropping c from the list does not end that.
    let report = json_of(
        upload(&app, &org, &root, "email\nD@gmail.com\n").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(report, json!({"entries": 1, "memberships_ended": 2}));

    assert_eq!(
        stored_list(&app, &org).await,
        [(2, Some("d@gmail.com".to_owned()), None)]
    );
    assert_eq!(entries_count(&app, &org).await, 1);
    let rows = memberships(&app, &org).await;
    let user_ids: Vec<String> = rows.iter().map(|m| m.user_id.to_string()).collect();
    let state: Vec<(&str, Option<&str>)> = rows
        .iter()
        .zip(&user_ids)
        .map(|(m, u)| (u.as_str(), m.end_reason.as_deref()))
        .collect();
    assert_eq!(
        state,
        [
            (a.id.as_str(), Some("eligibility_removed")),
            (b.id.as_str(), Some("eligibility_removed")),
            (c.id.as_str(), None),
            (d.id.as_str(), None),
        ]
    );
    let left: Vec<Value> = org_events(&app)
        .await
        .into_iter()
        .filter(|(t, _)| t == "organization.member_left")
        .map(|(_, p)| p)
        .collect();
    assert_eq!(left.len(), 2);
    let mut users: Vec<&str> = left
        .iter()
        .map(|p| p["user_id"].as_str().unwrap())
        .collect();
    users.sort_unstable();
    let mut expected = [a.id.as_str(), b.id.as_str()];
    expected.sort_unstable();
    assert_eq!(users, expected);
    for p in &left {
        assert_eq!(p["organization_id"], json!(org));
        assert_eq!(p["reason"], "eligibility_removed");
        assert!(p["membership_id"].as_str().unwrap().starts_with("mbr_"));
    }
    assert_eq!(
        audit(&app, Some(&a.id), &root.id).await,
        ["organization_member_removed"]
    );
    assert_eq!(
        audit(&app, None, &root.id).await.last().map(String::as_str),
        Some("eligibility_list_replaced")
    );
    let me = json_of(
        send(&app, "GET", "/v1/identity/me/organization", &d, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(me["via"], "eligibility_email");
    send(&app, "GET", "/v1/identity/me/organization", &a, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_a_member")
        .await;
}

#[tokio::test]
async fn an_upload_racing_joins_never_leaves_a_member_it_dropped() {
    let app = app().await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &[]).await;
    let mut csv = String::from("email\n");
    let mut members = Vec::new();
    for i in 0..20 {
        csv.push_str(&format!("m{i}@gmail.com\n"));
        members.push(member(&app, &format!("m{i}@gmail.com"), true).await);
    }
    upload(&app, &org, &root, &csv).await.assert_status_is_ok();

    // Twenty joins at once, and an upload dropping everyone sent as soon as the first
    // join is answered, so it overlaps the joins still in flight.
    let (app, org, root) = (&app, &org, &root);
    let first_answer = tokio::sync::Notify::new();
    let first_answer = &first_answer;
    let joins = members.iter().map(|m| async move {
        let status = join(app, m, org, None).await.0.status().as_u16();
        first_answer.notify_one();
        assert!(status == 201 || status == 403, "join answered {status}");
    });
    let (_, report) = tokio::join!(futures_util::future::join_all(joins), async {
        first_answer.notified().await;
        json_of(upload(app, org, root, "email\n").await, StatusCode::OK).await
    });

    let rows = memberships(app, org).await;
    assert!(
        !rows.is_empty()
            && rows
                .iter()
                .all(|m| m.end_reason.as_deref() == Some("eligibility_removed")),
        "a member the upload dropped is still active"
    );
    assert_eq!(report["memberships_ended"], json!(rows.len()));
    let events = org_events(app).await;
    let joined = events
        .iter()
        .filter(|(t, _)| t == "organization.member_joined")
        .count();
    let left = events
        .iter()
        .filter(|(t, _)| t == "organization.member_left")
        .count();
    assert_eq!((joined, left), (rows.len(), rows.len()));
    println!(
        "{} joins before the upload on {:?}",
        rows.len(),
        app.db.backend()
    );
}
