//! Organizations (issue 4 point 7), the admin endpoints: create, read, list, update
//! domains, list and remove members; authorization (admin with a second factor).

use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::auth::Role;
use haven_platform::testing::AssertProblem;
use poem::http::StatusCode;
use serde_json::{Value, json};

use crate::app;
use crate::org_support::{
    Actor, admin, audit, create_org, join, json_of, member, memberships, org_events, send, upload,
    user,
};

#[tokio::test]
async fn admins_create_read_list_and_update_organizations() {
    let app = app().await;
    let root = admin(&app).await;
    let resp = send(
        &app,
        "POST",
        "/v1/identity/organizations",
        &root,
        Some(json!({"name": "  Acme Corp ", "allowed_domains": ["Acme.COM", "acme.co.uk"]})),
    )
    .await;
    let created = json_of(resp, StatusCode::CREATED).await;
    assert_eq!(created["name"], "Acme Corp");
    assert_eq!(
        created["allowed_domains"],
        json!(["acme.co.uk", "acme.com"])
    );
    assert_eq!(created["eligibility_entries"], 0);
    let id = created["id"].as_str().unwrap();
    assert!(id.starts_with("org_"), "{id}");

    let got = json_of(
        send(
            &app,
            "GET",
            &format!("/v1/identity/organizations/{id}"),
            &root,
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(got, created);

    let b = create_org(&app, &root, "Beta", &[]).await;
    let c = create_org(&app, &root, "Gamma", &["gamma.io"]).await;
    let page = json_of(
        send(
            &app,
            "GET",
            "/v1/identity/organizations?limit=2",
            &root,
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let ids: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [id, b.as_str()]);
    let cursor = page["next_cursor"].as_str().unwrap();
    let page = json_of(
        send(
            &app,
            "GET",
            &format!("/v1/identity/organizations?limit=2&cursor={cursor}"),
            &root,
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["items"][0]["id"], json!(c));
    assert!(page["next_cursor"].is_null());

    let resp = send(
        &app,
        "PATCH",
        &format!("/v1/identity/organizations/{id}"),
        &root,
        Some(json!({"name": "Acme", "allowed_domains": ["acme.com", "acme.org"]})),
    )
    .await;
    let updated = json_of(resp, StatusCode::OK).await;
    assert_eq!(updated["name"], "Acme");
    assert_eq!(updated["allowed_domains"], json!(["acme.com", "acme.org"]));
    // The domains table holds exactly the new set.
    use haven_identity::schema::identity_organization_domains as d;
    let org = id.to_owned();
    let stored: Vec<String> = app
        .ctx
        .db
        .run(move |conn| {
            d::table
                .filter(d::organization_id.eq(org))
                .order(d::domain.asc())
                .select(d::domain)
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(stored, ["acme.com", "acme.org"]);
    assert_eq!(
        audit(&app, None, &root.id).await,
        [
            "organization_created",
            "organization_created",
            "organization_created",
            "organization_updated"
        ]
    );

    let missing = "/v1/identity/organizations/org_01h455vb4pex5vsknk084sn02q";
    send(&app, "GET", missing, &root, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    send(&app, "PATCH", missing, &root, Some(json!({"name": "x"})))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
}

#[tokio::test]
async fn invalid_organizations_are_rejected_and_nothing_is_written() {
    let app = app().await;
    let root = admin(&app).await;
    let create = |body: Value| {
        send(
            &app,
            "POST",
            "/v1/identity/organizations",
            &root,
            Some(body),
        )
    };

    let body =
        (create(json!({"name": " ", "allowed_domains": ["acme", "a.com", "A.com", "x@y.com"]}))
            .await)
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
    let errors: Vec<(&str, &str)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [
            ("name", "invalid"),
            ("allowed_domains", "invalid"),
            ("allowed_domains", "duplicate"),
            ("allowed_domains", "invalid"),
        ]
    );
    // Mass assignment: a body cannot set the id (or anything unknown).
    create(json!({"name": "Acme", "id": "org_01h455vb4pex5vsknk084sn02q"}))
        .await
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;

    let first = create_org(&app, &root, "Acme", &["acme.com"]).await;
    create(json!({"name": "Acme 2", "allowed_domains": ["beta.com", "ACME.com"]}))
        .await
        .assert_problem(StatusCode::CONFLICT, "domain_taken")
        .await;
    let body = (send(
        &app,
        "PATCH",
        &format!("/v1/identity/organizations/{first}"),
        &root,
        Some(json!({"id": "x"})),
    )
    .await)
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    assert_eq!(body["status"], 400);

    let page = json_of(
        send(&app, "GET", "/v1/identity/organizations", &root, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        page["items"].as_array().unwrap().len(),
        1,
        "the rejected creations left no row"
    );
    use haven_identity::schema::identity_organization_domains as d;
    let domains: i64 = app
        .ctx
        .db
        .run(|conn| d::table.count().get_result(conn).map_err(DbError::Query))
        .await
        .unwrap();
    assert_eq!(domains, 1, "beta.com was rolled back with its organization");
}

#[tokio::test]
async fn only_admins_with_a_second_factor_manage_organizations() {
    let app = app().await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &["acme.com"]).await;
    let plain = member(&app, "jane@acme.com", true).await;
    let no_mfa = user(
        &app,
        "admin2@haven.test",
        true,
        &[Role::Member, Role::Admin],
        &["pwd"],
    )
    .await;
    let nobody = Actor {
        id: String::new(),
        token: "not-a-token".to_owned(),
    };
    let user_id = &plain.id;
    let calls: Vec<(&str, String, Option<Value>)> = vec![
        (
            "POST",
            "/v1/identity/organizations".to_owned(),
            Some(json!({"name": "X"})),
        ),
        ("GET", "/v1/identity/organizations".to_owned(), None),
        ("GET", format!("/v1/identity/organizations/{org}"), None),
        (
            "PATCH",
            format!("/v1/identity/organizations/{org}"),
            Some(json!({"name": "X"})),
        ),
        (
            "GET",
            format!("/v1/identity/organizations/{org}/members"),
            None,
        ),
        (
            "DELETE",
            format!("/v1/identity/organizations/{org}/members/{user_id}"),
            None,
        ),
    ];
    for (method, path, body) in &calls {
        send(&app, method, path, &plain, body.clone())
            .await
            .assert_problem(StatusCode::FORBIDDEN, "forbidden")
            .await;
        send(&app, method, path, &no_mfa, body.clone())
            .await
            .assert_problem(StatusCode::FORBIDDEN, "mfa_required")
            .await;
        send(&app, method, path, &nobody, body.clone())
            .await
            .assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
            .await;
    }
    for (who, code) in [(&plain, "forbidden"), (&no_mfa, "mfa_required")] {
        upload(&app, &org, who, "email\nx@acme.com\n")
            .await
            .assert_problem(StatusCode::FORBIDDEN, code)
            .await;
    }
    let page = json_of(
        send(&app, "GET", "/v1/identity/organizations", &root, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["items"][0]["name"], "Acme");
    assert_eq!(page["items"][0]["eligibility_entries"], 0);
}

#[tokio::test]
async fn admins_list_and_remove_members() {
    let app = app().await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &["acme.com"]).await;
    let mut ids = Vec::new();
    for name in ["a", "b", "c"] {
        let m = member(&app, &format!("{name}@acme.com"), true).await;
        json_of(join(&app, &m, &org, None).await, StatusCode::CREATED).await;
        ids.push(m.id);
    }
    let mut seen = Vec::new();
    let mut path = format!("/v1/identity/organizations/{org}/members?limit=2");
    loop {
        let page = json_of(send(&app, "GET", &path, &root, None).await, StatusCode::OK).await;
        for m in page["items"].as_array().unwrap() {
            assert_eq!(m["via"], "email_domain");
            assert!(m["email"].as_str().unwrap().ends_with("@acme.com"));
            seen.push(m["user_id"].as_str().unwrap().to_owned());
        }
        match page["next_cursor"].as_str() {
            Some(c) => {
                path = format!("/v1/identity/organizations/{org}/members?limit=2&cursor={c}")
            }
            None => break,
        }
    }
    assert_eq!(seen, ids);

    let remove = |user: &str| format!("/v1/identity/organizations/{org}/members/{user}");
    send(&app, "DELETE", &remove(&ids[1]), &root, None)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    send(&app, "DELETE", &remove(&ids[1]), &root, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_a_member")
        .await;
    send(&app, "DELETE", &remove(&root.id), &root, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_a_member")
        .await;
    (send(
        &app,
        "GET",
        "/v1/identity/organizations/org_01h455vb4pex5vsknk084sn02q/members",
        &root,
        None,
    )
    .await)
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;

    let rows = memberships(&app, &org).await;
    assert_eq!(rows.iter().filter(|m| m.ended_at.is_none()).count(), 2);
    let removed = rows
        .iter()
        .find(|m| m.user_id.to_string() == ids[1])
        .unwrap();
    assert_eq!(removed.end_reason.as_deref(), Some("removed_by_admin"));
    let (kind, payload) = org_events(&app).await.pop().unwrap();
    assert_eq!(kind, "organization.member_left");
    assert_eq!(payload["user_id"], json!(ids[1]));
    assert_eq!(payload["reason"], "removed_by_admin");
    assert_eq!(payload["membership_id"], json!(removed.id));
    assert_eq!(
        audit(&app, Some(&ids[1]), &root.id).await,
        ["organization_member_removed"]
    );
}

#[tokio::test]
async fn dropping_a_domain_ends_the_memberships_it_granted() {
    let app = app().await;
    let root = admin(&app).await;
    let org = create_org(&app, &root, "Acme", &["acme.com", "acme.org"]).await;
    let com = member(&app, "a@acme.com", true).await;
    let dot_org = member(&app, "b@acme.org", true).await;
    json_of(join(&app, &com, &org, None).await, StatusCode::CREATED).await;
    json_of(join(&app, &dot_org, &org, None).await, StatusCode::CREATED).await;

    let resp = send(
        &app,
        "PATCH",
        &format!("/v1/identity/organizations/{org}"),
        &root,
        Some(json!({"allowed_domains": ["acme.com"]})),
    )
    .await;
    json_of(resp, StatusCode::OK).await;
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
            (com.id.as_str(), None),
            (dot_org.id.as_str(), Some("domain_removed"))
        ]
    );
    let (kind, payload) = org_events(&app).await.pop().unwrap();
    assert_eq!(
        (kind.as_str(), &payload["reason"]),
        ("organization.member_left", &json!("domain_removed"))
    );
    assert_eq!(payload["user_id"], json!(dot_org.id));
}
