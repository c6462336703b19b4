//! Joining and leaving organizations (issue 4 point 7): eligibility by verified email
//! domain, one sponsorship at a time, the `organization.member_joined/left` events, and
//! the race of concurrent joins.

use haven_identity::memberships::repo::MembershipRow;
use haven_platform::testing::AssertProblem;
use poem::http::StatusCode;
use serde_json::json;

use crate::app;
use crate::org_support::{
    admin, create_org, join, json_of, member, memberships, org_events, send, upload,
};

#[tokio::test]
async fn a_verified_member_joins_by_email_domain_once_and_the_event_is_published() {
    let app = app().await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &["acme.com"]).await;
    let jane = member(&app, "Jane@Acme.com", true).await;

    send(&app, "GET", "/v1/identity/me/organization", &jane, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_a_member")
        .await;
    let joined = json_of(join(&app, &jane, &org, None).await, StatusCode::CREATED).await;
    assert_eq!(joined["organization_id"], json!(org));
    assert_eq!(joined["organization_name"], "Acme");
    assert_eq!(joined["via"], "email_domain");
    assert!(joined["employee_id"].is_null());
    let mine = json_of(
        send(&app, "GET", "/v1/identity/me/organization", &jane, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(mine, joined);

    // Joining again is answered with the same membership and publishes nothing more.
    let again = json_of(join(&app, &jane, &org, None).await, StatusCode::OK).await;
    assert_eq!(again["id"], joined["id"]);

    let rows = memberships(&app, &org).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].user_id.to_string().as_str(), rows[0].via.as_str()),
        (jane.id.as_str(), "email_domain")
    );
    assert!(rows[0].ended_at.is_none());
    let events = org_events(&app).await;
    assert_eq!(events.len(), 1);
    let (kind, payload) = &events[0];
    assert_eq!(kind, "organization.member_joined");
    assert_eq!(payload["organization_id"], json!(org));
    assert_eq!(payload["user_id"], json!(jane.id));
    assert_eq!(payload["membership_id"], joined["id"]);
    assert_eq!(payload["via"], "email_domain");
    assert!(payload["at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        crate::security_events(&app, &jane.id).await,
        ["organization_joined"]
    );
}

#[tokio::test]
async fn joins_are_refused_without_verification_eligibility_or_organization() {
    let app = app().await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &["acme.com"]).await;
    let unverified = member(&app, "new@acme.com", false).await;
    let outsider = member(&app, "bob@gmail.com", true).await;

    join(&app, &unverified, &org, None)
        .await
        .assert_problem(StatusCode::FORBIDDEN, "email_not_verified")
        .await;
    join(&app, &outsider, &org, None)
        .await
        .assert_problem(StatusCode::FORBIDDEN, "not_eligible")
        .await;
    join(&app, &outsider, &org, Some("E-404"))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "not_eligible")
        .await;
    join(&app, &outsider, "org_01h455vb4pex5vsknk084sn02q", None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    let b = join(&app, &outsider, "usr_01h455vb4pex5vsknk084sn02q", None)
        .await
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    assert_eq!(b["status"], 400);
    let b = join(&app, &outsider, &org, Some(&"x".repeat(65)))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(b["errors"][0]["field"], "employee_id");
    // Mass assignment: the body cannot pick the user or the way in.
    let resp = send(
        &app,
        "POST",
        "/v1/identity/me/organization",
        &outsider,
        Some(json!({"organization_id": org, "via": "email_domain"})),
    )
    .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    (app.client
        .post("/v1/identity/me/organization")
        .header("content-type", "application/json")
        .body(json!({"organization_id": org}).to_string())
        .send()
        .await)
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;

    // A disabled account (its token still valid for minutes) cannot join.
    let disabled = member(&app, "gone@acme.com", true).await;
    let id = disabled.id.clone();
    app.ctx
        .db
        .run(move |conn| {
            use diesel::prelude::*;
            use haven_identity::schema::identity_users as u;
            diesel::update(u::table.find(id))
                .set(u::disabled_at.eq(Some(haven_platform::time::now_utc())))
                .execute(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
    join(&app, &disabled, &org, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;

    assert!(memberships(&app, &org).await.is_empty());
    assert!(org_events(&app).await.is_empty());
}

#[tokio::test]
async fn one_sponsorship_at_a_time_and_leaving_ends_it() {
    let app = app().await;
    let root = admin(&app).await;
    let acme = create_org(&app, &root, "Acme", &["acme.com"]).await;
    let beta = create_org(&app, &root, "Beta", &[]).await;
    upload(&app, &beta, &root, "email\njane@acme.com\n")
        .await
        .assert_status_is_ok();
    let jane = member(&app, "jane@acme.com", true).await;

    json_of(join(&app, &jane, &acme, None).await, StatusCode::CREATED).await;
    join(&app, &jane, &beta, None)
        .await
        .assert_problem(StatusCode::CONFLICT, "already_member")
        .await;

    send(&app, "DELETE", "/v1/identity/me/organization", &jane, None)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    send(&app, "DELETE", "/v1/identity/me/organization", &jane, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_a_member")
        .await;
    send(&app, "GET", "/v1/identity/me/organization", &jane, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_a_member")
        .await;

    let joined = json_of(join(&app, &jane, &beta, None).await, StatusCode::CREATED).await;
    assert_eq!(joined["via"], "eligibility_email");

    let ended = memberships(&app, &acme).await;
    assert_eq!(ended.len(), 1);
    assert!(ended[0].ended_at.is_some());
    assert_eq!(ended[0].end_reason.as_deref(), Some("left"));
    let events: Vec<(String, String, String)> = org_events(&app)
        .await
        .into_iter()
        .map(|(t, p)| {
            (
                t,
                p["organization_id"].as_str().unwrap().to_owned(),
                p["reason"]
                    .as_str()
                    .or(p["via"].as_str())
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect();
    assert_eq!(
        events,
        [
            (
                "organization.member_joined".to_owned(),
                acme.clone(),
                "email_domain".to_owned()
            ),
            (
                "organization.member_left".to_owned(),
                acme.clone(),
                "left".to_owned()
            ),
            (
                "organization.member_joined".to_owned(),
                beta.clone(),
                "eligibility_email".to_owned()
            ),
        ]
    );
    assert_eq!(
        crate::security_events(&app, &jane.id).await,
        [
            "organization_joined",
            "organization_left",
            "organization_joined"
        ]
    );
}

#[tokio::test]
async fn concurrent_joins_by_one_member_give_one_membership_and_one_event() {
    let app = app().await;
    let root = admin(&app).await;
    let acme = create_org(&app, &root, "Acme", &["acme.com"]).await;
    let beta = create_org(&app, &root, "Beta", &[]).await;
    upload(&app, &beta, &root, "email\njane@acme.com\n")
        .await
        .assert_status_is_ok();
    let jane = member(&app, "jane@acme.com", true).await;
    let app = &app;
    let jane = &jane;
    // 12 joins to Acme and 6 to Beta at once (18 < the 20 per hour join limit).
    let requests = (0..18).map(|i| {
        let org = if i % 3 == 2 {
            beta.clone()
        } else {
            acme.clone()
        };
        async move { (org.clone(), join(app, jane, &org, None).await) }
    });
    let mut created = Vec::new();
    let mut existing = 0;
    let mut conflicts = 0;
    for (org, resp) in futures_util::future::join_all(requests).await {
        match resp.0.status().as_u16() {
            201 => created.push(org),
            200 => existing += 1,
            409 => {
                resp.assert_problem(StatusCode::CONFLICT, "already_member")
                    .await;
                conflicts += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(created.len(), 1, "exactly one join created a membership");
    let winner = &created[0];
    let winners_requests = if *winner == acme { 12 } else { 6 };
    assert_eq!(
        (existing, conflicts),
        (winners_requests - 1, 18 - winners_requests)
    );

    let mut active: Vec<MembershipRow> = memberships(app, &acme).await;
    active.extend(memberships(app, &beta).await);
    assert_eq!(active.len(), 1);
    assert_eq!(&active[0].organization_id.to_string(), winner);
    let events = org_events(app).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].1["organization_id"], json!(winner));
    println!("race held on {:?}", app.db.backend());
}

#[tokio::test]
async fn join_attempts_are_rate_limited_per_member() {
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.rate_limits.insert(
                "identity_org_join".to_owned(),
                haven_platform::config::RateLimitPolicy {
                    limit: 2,
                    window_s: 3600,
                },
            );
        })
        .build(haven_app::wiring::build_app)
        .await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &[]).await;
    let guesser = member(&app, "guess@gmail.com", true).await;
    for id in ["E1", "E2"] {
        join(&app, &guesser, &org, Some(id))
            .await
            .assert_problem(StatusCode::FORBIDDEN, "not_eligible")
            .await;
    }
    let resp = join(&app, &guesser, &org, Some("E3")).await;
    assert!(resp.0.headers().contains_key("retry-after"));
    resp.assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        .await;
    // Another member is counted apart.
    let other = member(&app, "other@gmail.com", true).await;
    join(&app, &other, &org, Some("E1"))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "not_eligible")
        .await;
}

#[tokio::test]
async fn the_export_lists_memberships_and_erasing_the_account_ends_it_once() {
    let app = app().await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &["acme.com"]).await;
    let jane = member(&app, "jane@acme.com", true).await;
    json_of(join(&app, &jane, &org, None).await, StatusCode::CREATED).await;

    let service = haven_identity::IdentityService::new(&app.ctx);
    // Identity's own export section lists the membership.
    let export = match service
        .export_own_data(&jane.id.parse().unwrap())
        .await
        .unwrap()
    {
        haven_platform::privacy::UserData::Exported(data) => data,
        other => panic!("{other:?}"),
    };
    let listed = &export["organization_memberships"];
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{export}");
    assert_eq!(listed[0]["organization_id"], json!(org));
    assert_eq!(listed[0]["via"], "email_domain");
    assert!(listed[0]["ended_at"].is_null());

    // Identity's own erase_user hook, as the erasure job runs it (twice: it may rerun).
    for _ in 0..2 {
        service
            .erase_own_data(&jane.id.parse().unwrap())
            .await
            .unwrap();
    }
    let rows = memberships(&app, &org).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].end_reason.as_deref(), Some("account_erased"));
    let events = org_events(&app).await;
    assert_eq!(events.len(), 2, "joined, then left once");
    assert_eq!(events[1].0, "organization.member_left");
    assert_eq!(events[1].1["reason"], "account_erased");
    assert_eq!(events[1].1["user_id"], json!(jane.id));
}
