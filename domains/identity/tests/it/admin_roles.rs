//! `PUT /v1/identity/admin/users/{user_id}/roles`: role changes, their audit, the
//! last-admin rule and concurrent changes.

use std::sync::Arc;

use haven_platform::auth::Role;
use haven_platform::testing::{AssertProblem, TestApp};
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::admin_support::*;
use crate::{PASSWORD, app, app_without_login_limits, register};

#[tokio::test]
async fn a_role_change_is_audited_and_carried_by_the_next_refresh() {
    let app = app().await;
    let (admin_id, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "cody@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = app.sign_in("cody@example.com", PASSWORD).await.body;

    let user = ok(put_roles(&app, &token, &id, &json!(["coach", "member"])).await).await;
    assert_eq!(user["roles"], json!(["member", "coach"]));
    assert_eq!(user["active_sessions"], 1, "sessions are kept");
    assert_eq!(user_row(&app, &id).await.roles, r#"["member","coach"]"#);
    let changes = events_of_kind(&app, &id, "role_changed").await;
    assert_eq!(changes.len(), 1);
    assert_eq!(
        changes[0].actor_id.map(|a| a.to_string()).as_deref(),
        Some(admin_id.as_str())
    );
    assert_eq!(
        changes[0].detail.as_deref(),
        Some("roles: member -> member,coach")
    );
    assert!(changes[0].session_id.is_none());

    // The access token issued before keeps its roles until it expires; the next refresh
    // carries the new ones.
    let old = app
        .ctx
        .auth
        .verify(before["access_token"].as_str().unwrap())
        .unwrap();
    assert_eq!(old.roles, [Role::Member]);
    let refreshed = ok(refresh(&app, before["refresh_token"].as_str().unwrap()).await).await;
    let new = app
        .ctx
        .auth
        .verify(refreshed["access_token"].as_str().unwrap())
        .unwrap();
    assert_eq!(new.roles, [Role::Member, Role::Coach]);

    // Setting the same roles again changes and records nothing.
    ok(put_roles(&app, &token, &id, &json!(["member", "coach"])).await).await;
    assert_eq!(events_of_kind(&app, &id, "role_changed").await.len(), 1);

    // Back to member only.
    let user = ok(put_roles(&app, &token, &id, &json!(["member"])).await).await;
    assert_eq!(user["roles"], json!(["member"]));
    let changes = events_of_kind(&app, &id, "role_changed").await;
    assert_eq!(
        changes[1].detail.as_deref(),
        Some("roles: member,coach -> member")
    );
}

#[tokio::test]
async fn a_roles_body_is_checked_and_nothing_is_ignored_silently() {
    let app = app().await;
    let (_, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "eli@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let p = put_roles(&app, &token, &id, &json!(["coach"]))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(p["errors"][0]["field"], "roles", "{p}");
    assert_eq!(p["errors"][0]["code"], "member_required", "{p}");
    let p = put_roles(&app, &token, &id, &json!([]))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(p["errors"][0]["code"], "member_required", "{p}");
    let p = put_roles(&app, &token, &id, &json!(["member", "coach", "coach"]))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(p["errors"][0]["code"], "duplicate", "{p}");
    put_roles(&app, &token, &id, &json!(["member", "superuser"]))
        .await
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;

    for (body, field) in [
        (
            json!({"roles": ["member"], "id": "usr_01jh0000000000000000000000"}),
            "id",
        ),
        (
            json!({"roles": ["member"], "email": "x@example.com"}),
            "email",
        ),
        (json!({"roles": ["member"], "role": "admin"}), "role"),
    ] {
        let resp = send(
            &app,
            Method::PUT,
            &roles_path(&id),
            Some(&token),
            Some(&body),
        )
        .await;
        let p = resp
            .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
            .await;
        let detail = p["detail"].as_str().unwrap();
        assert!(
            detail.contains(&format!("unknown field `{field}`")),
            "{body} -> {p}"
        );
    }

    let unknown = haven_identity::UserId::new();
    put_roles(&app, &token, &unknown.to_string(), &json!(["member"]))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;

    assert_eq!(user_row(&app, &id).await.roles, r#"["member"]"#);
    assert!(events_of_kind(&app, &id, "role_changed").await.is_empty());
}

#[tokio::test]
async fn the_last_enabled_admin_cannot_lose_the_role_or_be_disabled() {
    let app = app().await;
    let (root, root_token) = admin(&app, "root@example.com").await;

    put_roles(&app, &root_token, &root, &json!(["member"]))
        .await
        .assert_problem(StatusCode::CONFLICT, "last_admin")
        .await;
    set_disabled(&app, &root_token, &root, true)
        .await
        .assert_problem(StatusCode::CONFLICT, "last_admin")
        .await;
    let row = user_row(&app, &root).await;
    assert_eq!(row.roles, r#"["member","admin"]"#);
    assert!(row.disabled_at.is_none());

    // A disabled admin does not count.
    let (second, _) = admin(&app, "second@example.com").await;
    ok(set_disabled(&app, &root_token, &second, true).await).await;
    put_roles(&app, &root_token, &root, &json!(["member"]))
        .await
        .assert_problem(StatusCode::CONFLICT, "last_admin")
        .await;

    // With another enabled admin, the role can go.
    ok(set_disabled(&app, &root_token, &second, false).await).await;
    let user = ok(put_roles(&app, &root_token, &root, &json!(["member"])).await).await;
    assert_eq!(user["roles"], json!(["member"]));
    assert_eq!(user_row(&app, &root).await.roles, r#"["member"]"#);
    // The former admin's token still says admin, but the database decides.
    set_disabled(&app, &root_token, &second, true)
        .await
        .assert_problem(StatusCode::FORBIDDEN, "role_revoked")
        .await;
    assert!(user_row(&app, &second).await.disabled_at.is_none());
}

/// Sends the requests at once, each on its own task of a multi-thread runtime, so the
/// transactions really overlap; returns their statuses in request order.
async fn all_at_once(app: &Arc<TestApp>, requests: Vec<(String, String, Value)>) -> Vec<u16> {
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|(token, id, roles)| {
            let app = Arc::clone(app);
            tokio::spawn(async move {
                put_roles(&app, &token, &id, &roles)
                    .await
                    .0
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    statuses
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_role_changes_leave_one_consistent_row_and_an_unbroken_audit_chain() {
    let app = Arc::new(app().await);
    let (_, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "hana@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let sets = [
        json!(["member", "coach"]),
        json!(["member", "clinician"]),
        json!(["member", "coach", "clinician"]),
        json!(["member"]),
    ];
    let requests = (0..24)
        .map(|i| (token.clone(), id.clone(), sets[i % sets.len()].clone()))
        .collect();
    let statuses = all_at_once(&app, requests).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");

    let final_roles = user_row(&app, &id).await.roles;
    let changes = events_of_kind(&app, &id, "role_changed").await;
    assert!(!changes.is_empty());
    // Each change starts from where the previous one ended: no lost update.
    let mut current = "member".to_owned();
    for change in &changes {
        let detail = change.detail.as_deref().unwrap();
        let (from, to) = detail
            .strip_prefix("roles: ")
            .unwrap()
            .split_once(" -> ")
            .unwrap();
        assert_eq!(from, current, "{detail}");
        assert_ne!(from, to, "{detail}");
        current = to.to_owned();
    }
    let stored: Vec<String> = serde_json::from_str(&final_roles).unwrap();
    assert_eq!(stored.join(","), current);
    println!("role race held on {:?}", app.db.backend());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_admins_stepping_down_at_once_leave_exactly_one_admin() {
    let app = Arc::new(app_without_login_limits().await);
    let admins = [
        admin(&app, "ada@example.com").await,
        admin(&app, "bea@example.com").await,
    ];
    let rounds = 10;
    for round in 0..rounds {
        let requests = admins
            .iter()
            .map(|(id, token)| (token.clone(), id.clone(), json!(["member"])))
            .collect();
        let mut statuses = all_at_once(&app, requests).await;
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "round {round}");
        let mut still_admin = 0;
        for (id, _) in &admins {
            let roles = user_row(&app, id).await.roles;
            if roles.contains("admin") {
                still_admin += 1;
            } else {
                assert_eq!(roles, r#"["member"]"#);
            }
        }
        assert_eq!(still_admin, 1, "round {round}");
        for (id, _) in &admins {
            grant(&app, id, &[Role::Member, Role::Admin]).await;
        }
    }
    let mut changes = 0;
    for (id, _) in &admins {
        changes += events_of_kind(&app, id, "role_changed").await.len();
    }
    assert_eq!(changes, rounds, "one audited change per round");
    println!("last-admin race held on {:?}", app.db.backend());
}

/// Two admins acting on each other at once (each taking the role from the other, or one
/// disabling the other while being demoted): one change wins, the other is refused
/// (`last_admin`; or, when it runs after the winner, `forbidden` as its actor is no
/// longer an admin, or `unauthorized` as disabling revoked its session), and exactly one
/// enabled admin remains.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_admins_acting_on_each_other_at_once_leave_one_enabled_admin() {
    for round in 0..6 {
        // A fresh app per round, so only these two admins count.
        let app = Arc::new(app_without_login_limits().await);
        let (a, a_token) = admin(&app, "ada@example.com").await;
        let (b, b_token) = admin(&app, "bea@example.com").await;
        let disable = round % 2 == 1;
        let first = {
            let (app, token, target) = (Arc::clone(&app), a_token.clone(), b.clone());
            tokio::spawn(async move {
                if disable {
                    set_disabled(&app, &token, &target, true).await
                } else {
                    put_roles(&app, &token, &target, &json!(["member"])).await
                }
            })
        };
        let second = {
            let (app, token, target) = (Arc::clone(&app), b_token.clone(), a.clone());
            tokio::spawn(async move { put_roles(&app, &token, &target, &json!(["member"])).await })
        };
        let mut winners = 0;
        for response in [first.await.unwrap(), second.await.unwrap()] {
            let status = response.0.status().as_u16();
            if status == 200 {
                winners += 1;
            } else {
                let body = response.0.into_body().into_vec().await.unwrap();
                let p: Value = serde_json::from_slice(&body).unwrap();
                let refusal = (status, p["code"].as_str().unwrap_or_default());
                // The loser is refused by the last-admin rule, or already by the guard:
                // demoted (`role_revoked`), or disabled and so signed out.
                assert!(
                    [(409, "last_admin"), (403, "role_revoked")].contains(&refusal)
                        || (disable
                            && [(403, "account_disabled"), (401, "unauthorized")]
                                .contains(&refusal)),
                    "round {round}: {p}"
                );
            }
        }
        assert_eq!(winners, 1, "round {round}");
        let mut enabled_admins = 0;
        for id in [&a, &b] {
            let row = user_row(&app, id).await;
            if row.roles.contains("\"admin\"") && row.disabled_at.is_none() {
                enabled_admins += 1;
            }
        }
        assert_eq!(enabled_admins, 1, "round {round}");
    }
}
