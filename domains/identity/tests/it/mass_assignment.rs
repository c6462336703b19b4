//! Mass assignment (issue 4, point 6; docs/architecture.md): no identity request body can set an id,
//! a role or account state. Every body rejects unknown fields with a `400` that names
//! the field, before anything is written.

use std::time::Duration;

use haven_platform::auth::Role;
use haven_platform::testing::AssertProblem;
use haven_platform::time::now_utc;
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{PASSWORD, app, post, register};

/// Fields no identity request body may carry.
const FORBIDDEN: [&str; 7] = [
    "id",
    "role",
    "roles",
    "is_admin",
    "email_verified_at",
    "disabled_at",
    "created_at",
];

/// A well-formed organization id (no such organization exists).
const ORG_ID: &str = "org_01jh0000000000000000000000";

/// A well-typed body for every identity operation that takes one, by operation id.
/// An operation missing here fails `every_request_body_rejects_fields_that_grant_anything`.
fn base_body(operation_id: &str) -> Option<Value> {
    Some(match operation_id {
        "identityRegister" => json!({"email": "new@example.com", "password": PASSWORD}),
        "identityLogin" => json!({"email": "root@example.com", "password": PASSWORD}),
        "identityRefreshToken" => json!({"refresh_token": "x"}),
        "identityUpdateMe" => json!({"display_name": "Root"}),
        "identityAdminSetRoles" => json!({"roles": ["member", "admin"]}),
        "identityDeleteAccount" => json!({"password": PASSWORD}),
        "identityConfirmEmail" => json!({"token": "x"}),
        "identityChangePassword" => {
            json!({"current_password": PASSWORD, "new_password": "another good passphrase"})
        }
        "identityRequestPasswordReset" => json!({"email": "root@example.com"}),
        "identityCreateOrganization" => json!({"name": "Acme"}),
        "identityUpdateOrganization" => json!({"name": "Acme"}),
        "identityJoinOrganization" => json!({"organization_id": ORG_ID}),
        "identityResetPassword" => json!({"token": "x", "new_password": "another good passphrase"}),
        "identityLoginMfa" => json!({"mfa_token": "x", "code": "123456"}),
        "identityConfirmTotp" | "identityRegenerateRecoveryCodes" => json!({"code": "123456"}),
        "identityDisableMfa" => json!({"code": "123456"}),
        _ => return None,
    })
}

#[tokio::test]
async fn every_request_body_rejects_fields_that_grant_anything() {
    let app = app().await;
    let root = register(&app, "root@example.com").await;
    let root_id = root["id"].as_str().unwrap().to_owned();
    let id = root_id.parse().unwrap();
    app.ctx
        .db
        .run(move |c| {
            haven_identity::accounts::repo::set_roles(
                c,
                &id,
                &[Role::Member, Role::Admin],
                now_utc(),
            )
            .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
    let tokens = app.sign_in("root@example.com", PASSWORD).await.body;
    let sid = tokens["session_id"].as_str().unwrap();
    let claims = app.ctx.auth.access_claims(
        &id,
        &sid.parse().unwrap(),
        vec![Role::Member, Role::Admin],
        vec!["pwd".to_owned(), "otp".to_owned()],
        Duration::from_secs(300),
    );
    let token = app.ctx.auth.issue(&claims).unwrap();
    let before: Value = {
        let resp = app
            .client
            .get(format!("/v1/identity/admin/users/{root_id}"))
            .header("authorization", format!("Bearer {token}"))
            .send()
            .await;
        resp.assert_status_is_ok();
        resp.json().await.value().deserialize()
    };

    let spec: Value = serde_json::from_str(&app.spec_json).unwrap();
    let mut checked = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        if !path.starts_with("/v1/identity/") {
            continue;
        }
        for (method, op) in item.as_object().unwrap() {
            // JSON bodies only: a CSV upload has no fields to smuggle.
            let json_body = op["requestBody"]["content"]
                .as_object()
                .is_some_and(|c| c.keys().any(|t| t.starts_with("application/json")));
            if !json_body {
                continue;
            }
            let op_id = op["operationId"].as_str().unwrap();
            let base = base_body(op_id).unwrap_or_else(|| {
                panic!(
                    "{op_id} takes a body: add a well-typed one to base_body() in \
                     tests/it/mass_assignment.rs (and give the body #[oai(deny_unknown_fields)])"
                )
            });
            let uri = path
                .replace("{user_id}", &root_id)
                .replace("{session_id}", sid)
                .replace("{organization_id}", ORG_ID);
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            for field in FORBIDDEN {
                if base.get(field).is_some() {
                    continue;
                }
                let mut body = base.clone();
                body[field] = json!(if field == "roles" {
                    json!(["admin"])
                } else {
                    json!("admin")
                });
                let resp = app
                    .client
                    .request(method.clone(), &uri)
                    .header("authorization", format!("Bearer {token}"))
                    .header("content-type", "application/json")
                    .body(body.to_string())
                    .send()
                    .await;
                let p = resp
                    .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
                    .await;
                assert!(
                    p["detail"]
                        .as_str()
                        .unwrap()
                        .contains(&format!("unknown field `{field}`")),
                    "{method} {path} with {field}: {p}"
                );
            }
            checked.push(op_id.to_owned());
        }
    }
    checked.sort();
    for op in [
        "identityAdminSetRoles",
        "identityChangePassword",
        "identityConfirmEmail",
        "identityCreateOrganization",
        "identityDeleteAccount",
        "identityJoinOrganization",
        "identityRequestPasswordReset",
        "identityResetPassword",
        "identityUpdateOrganization",
        "identityLogin",
        "identityRefreshToken",
        "identityRegister",
        "identityUpdateMe",
    ] {
        assert!(checked.iter().any(|c| c == op), "{op} not in {checked:?}");
    }

    // Nothing was written: no account, no profile or role change, no new session.
    let email = "new@example.com".to_owned();
    let created = app
        .ctx
        .db
        .run(move |c| {
            haven_identity::accounts::repo::find_user_by_email(c, &email)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
    assert!(created.is_none());
    let resp = app
        .client
        .get(format!("/v1/identity/admin/users/{root_id}"))
        .header("authorization", format!("Bearer {token}"))
        .send()
        .await;
    resp.assert_status_is_ok();
    let after: Value = resp.json().await.value().deserialize();
    assert_eq!(after, before);
    assert_eq!(after["active_sessions"], 1);
}

#[tokio::test]
async fn registration_cannot_choose_its_id_roles_or_verification() {
    let app = app().await;
    for (field, value) in [
        ("roles", json!(["admin"])),
        ("role", json!("admin")),
        ("id", json!("usr_01jh0000000000000000000000")),
        ("email_verified_at", json!("2026-01-01T00:00:00Z")),
    ] {
        let mut body = json!({"email": "eve@example.com", "password": PASSWORD});
        body[field] = value;
        let p = post(&app, "/v1/identity/register", &body)
            .await
            .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
            .await;
        assert!(
            p["detail"]
                .as_str()
                .unwrap()
                .contains(&format!("unknown field `{field}`")),
            "{field}: {p}"
        );
    }
    // The same body without them creates a plain, unverified member.
    let user = register(&app, "eve@example.com").await;
    assert_eq!(user["roles"], json!(["member"]));
    assert!(user["email_verified_at"].is_null(), "{user}");
    assert_ne!(user["id"], "usr_01jh0000000000000000000000");
}
