//! The role guard on every admin operation (issue 8, point 4): an admin demoted or
//! disabled after their access token was issued is refused at once, with the guard's
//! precise code, and nothing is written.
//!
//! The operations are taken from the OpenAPI document (every operation whose `403` is the
//! role guard's), so a new admin operation is covered as soon as it exists: the test
//! fails until [`body_of`] knows how to call it.

use diesel::prelude::*;
use haven_identity::schema::{
    identity_organization_domains, identity_organization_eligibility,
    identity_organization_memberships, identity_organizations, identity_security_events,
    identity_sessions, identity_user_roles, identity_users,
};
use haven_platform::http::problem::GUARDED_403;
use haven_platform::testing::{AssertProblem, TestApp};
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::admin_support::{admin, db, put_roles, send, set_disabled};
use crate::{app, register};

/// One guarded operation of the document.
struct Operation {
    id: String,
    method: Method,
    path: String,
}

/// Every identity operation whose `403` response is the role guard's (each domain tests
/// its own guarded operations, so mounting a domain edits no test here).
fn guarded_operations(app: &TestApp) -> Vec<Operation> {
    let spec: Value = serde_json::from_str(&haven_app::wiring::openapi_json(&app.ctx)).unwrap();
    let mut ops = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        if !path.starts_with("/v1/identity/") {
            continue;
        }
        for (method, op) in item.as_object().unwrap() {
            if op["responses"]["403"]["description"] == GUARDED_403 {
                ops.push(Operation {
                    id: op["operationId"].as_str().unwrap().to_owned(),
                    method: method.to_uppercase().parse().unwrap(),
                    path: path.clone(),
                });
            }
        }
    }
    ops.sort_by(|a, b| a.id.cmp(&b.id));
    ops
}

/// The body a valid call of `operation_id` sends: (content type, body). Writes are
/// chosen so that, were the caller allowed, they would change the database.
fn body_of(operation_id: &str) -> Option<(&'static str, String)> {
    let json = |v: Value| Some(("application/json", v.to_string()));
    match operation_id {
        "identityAdminListUsers"
        | "identityAdminGetUser"
        | "identityAdminDisableUser"
        | "identityAdminEnableUser"
        | "identityListOrganizations"
        | "identityGetOrganization"
        | "identityListOrganizationMembers"
        | "identityRemoveOrganizationMember" => None,
        "identityAdminSetRoles" => json(json!({"roles": ["member", "coach"]})),
        "identityCreateOrganization" => {
            json(json!({"name": "Rogue", "allowed_domains": ["rogue.example"]}))
        }
        "identityUpdateOrganization" => json(json!({"name": "Renamed"})),
        "identityReplaceEligibility" => Some(("text/csv", "email\nnew@acme.example\n".into())),
        other => panic!("{other} is behind the role guard: add its request to body_of"),
    }
}

/// Everything an admin operation could change, as one comparable value.
async fn snapshot(app: &TestApp) -> String {
    db(app, |c| {
        let users: Vec<(String, Option<chrono::NaiveDateTime>)> = identity_users::table
            .select((identity_users::id, identity_users::disabled_at))
            .order(identity_users::id)
            .load(c)?;
        let roles: Vec<(String, String)> = identity_user_roles::table
            .select((identity_user_roles::user_id, identity_user_roles::role))
            .order((identity_user_roles::user_id, identity_user_roles::role))
            .load(c)?;
        let sessions: Vec<(String, Option<chrono::NaiveDateTime>)> = identity_sessions::table
            .select((identity_sessions::id, identity_sessions::revoked_at))
            .order(identity_sessions::id)
            .load(c)?;
        let orgs: Vec<(String, String, i64)> = identity_organizations::table
            .select((
                identity_organizations::id,
                identity_organizations::name,
                identity_organizations::eligibility_entries,
            ))
            .order(identity_organizations::id)
            .load(c)?;
        let domains: i64 = identity_organization_domains::table.count().get_result(c)?;
        let eligibility: i64 = identity_organization_eligibility::table
            .count()
            .get_result(c)?;
        let memberships: Vec<(String, Option<chrono::NaiveDateTime>)> =
            identity_organization_memberships::table
                .select((
                    identity_organization_memberships::id,
                    identity_organization_memberships::ended_at,
                ))
                .order(identity_organization_memberships::id)
                .load(c)?;
        let events: i64 = identity_security_events::table.count().get_result(c)?;
        Ok(format!(
            "{users:?}\n{roles:?}\n{sessions:?}\n{orgs:?}\n{domains} {eligibility}\n{memberships:?}\n{events}"
        ))
    })
    .await
}

/// The world the operations run against: a boss admin, a member with an active
/// membership in an organization that has an eligibility list.
struct World {
    boss: String,
    member: String,
    org: String,
}

async fn world(app: &TestApp) -> World {
    let (_, boss) = admin(app, "boss@acme.example").await;
    let member = register(app, "member@acme.example").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let created = send(
        app,
        Method::POST,
        "/v1/identity/organizations",
        Some(&boss),
        Some(&json!({"name": "Acme", "allowed_domains": ["acme.example"]})),
    )
    .await;
    created.assert_status(poem::http::StatusCode::CREATED);
    let org = created.json().await.value().deserialize::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let upload = app
        .client
        .put(format!("/v1/identity/organizations/{org}/eligibility"))
        .header("authorization", format!("Bearer {boss}"))
        .header("content-type", "text/csv")
        .body("email\nold@acme.example\n")
        .send()
        .await;
    upload.assert_status_is_ok();
    // An active membership, so removing the member would write.
    let (member_id, org_id) = (member.clone(), org.clone());
    db(app, move |c| {
        diesel::insert_into(identity_organization_memberships::table)
            .values((
                identity_organization_memberships::id
                    .eq(haven_identity::memberships::model::MembershipId::new().to_string()),
                identity_organization_memberships::organization_id.eq(org_id),
                identity_organization_memberships::user_id.eq(member_id),
                identity_organization_memberships::via.eq("email_domain"),
                identity_organization_memberships::joined_at.eq(haven_platform::time::now_utc()),
            ))
            .execute(c)
    })
    .await;
    World { boss, member, org }
}

/// Calls every guarded operation with `token`; each must answer `403 code`, and the
/// database must be as it was.
async fn every_admin_operation_refuses(app: &TestApp, w: &World, token: &str, code: &str) {
    let ops = guarded_operations(app);
    assert!(ops.len() >= 11, "the admin operations: {:?}", ops.len());
    let before = snapshot(app).await;
    for op in &ops {
        let path = op
            .path
            .replace("{organization_id}", &w.org)
            .replace("{user_id}", &w.member);
        let mut req = app
            .client
            .request(op.method.clone(), &path)
            .header("authorization", format!("Bearer {token}"))
            .header("idempotency-key", format!("guard-{}-{code}", op.id));
        if let Some((content_type, body)) = body_of(&op.id) {
            req = req.header("content-type", content_type).body(body);
        }
        req.send()
            .await
            .assert_problem(StatusCode::FORBIDDEN, code)
            .await;
    }
    assert_eq!(snapshot(app).await, before, "a refused operation wrote");
}

#[tokio::test]
async fn a_demoted_admin_is_refused_at_once_on_every_admin_operation() {
    let app = app().await;
    let w = world(&app).await;
    let (former, token) = admin(&app, "former@acme.example").await;
    // The token works while its holder is an admin.
    send(
        &app,
        Method::GET,
        "/v1/identity/organizations",
        Some(&token),
        None,
    )
    .await
    .assert_status_is_ok();
    put_roles(&app, &w.boss, &former, &json!(["member"]))
        .await
        .assert_status_is_ok();
    // The reproduction: the token issued before the demotion got 201 here.
    every_admin_operation_refuses(&app, &w, &token, "role_revoked").await;
}

#[tokio::test]
async fn a_disabled_admin_is_refused_at_once_on_every_admin_operation() {
    let app = app().await;
    let w = world(&app).await;
    let (former, token) = admin(&app, "former@acme.example").await;
    send(
        &app,
        Method::GET,
        "/v1/identity/organizations",
        Some(&token),
        None,
    )
    .await
    .assert_status_is_ok();
    set_disabled(&app, &w.boss, &former, true)
        .await
        .assert_status_is_ok();
    every_admin_operation_refuses(&app, &w, &token, "account_disabled").await;
}
