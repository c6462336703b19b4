//! `/v1/identity/admin/users…`: who may call them, listing, searching and reading
//! accounts (issue 4, point 6).

use haven_platform::auth::Role;
use haven_platform::testing::AssertProblem;
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::admin_support::*;
use crate::{PASSWORD, app, register};

#[tokio::test]
async fn admin_operations_need_a_token_the_admin_role_and_a_second_factor() {
    let app = app().await;
    let (admin_id, _) = admin(&app, "root@example.com").await;
    let member_id = register(&app, "mia@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let member = app.sign_in("mia@example.com", PASSWORD).await.body;
    let member_token = member["access_token"].as_str().unwrap().to_owned();
    let member_sid = member["session_id"].as_str().unwrap().to_owned();
    // The login of an admin who has not enrolled a second factor carries `amr: ["pwd"]`.
    let unenrolled = register(&app, "unenrolled@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    grant(&app, &unenrolled, &[Role::Admin, Role::Member]).await;
    let admin_pwd_only = app
        .sign_in("unenrolled@example.com", PASSWORD)
        .await
        .access_token;
    // A validly signed token that claims admin and MFA for an account that is not an
    // admin in the database: the database decides.
    let forged_roles = mint(
        &app,
        &member_id.parse().unwrap(),
        &member_sid.parse().unwrap(),
        vec![Role::Member, Role::Admin],
        &["pwd", "otp"],
    );

    let body = json!({"roles": ["member", "admin"]});
    let operations: Vec<(Method, String, Option<&Value>)> = vec![
        (Method::GET, "/v1/identity/admin/users".to_owned(), None),
        (
            Method::GET,
            format!("/v1/identity/admin/users/{admin_id}"),
            None,
        ),
        (Method::PUT, roles_path(&member_id), Some(&body)),
        (
            Method::POST,
            format!("/v1/identity/admin/users/{admin_id}/disable"),
            None,
        ),
        (
            Method::POST,
            format!("/v1/identity/admin/users/{member_id}/enable"),
            None,
        ),
    ];
    for (method, path, body) in operations {
        let resp = send(&app, method.clone(), &path, None, body).await;
        resp.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
            .await;

        let resp = send(&app, method.clone(), &path, Some(&member_token), body).await;
        resp.assert_problem(StatusCode::FORBIDDEN, "forbidden")
            .await;

        let resp = send(&app, method.clone(), &path, Some(&admin_pwd_only), body).await;
        resp.assert_problem(StatusCode::FORBIDDEN, "mfa_required")
            .await;

        // The token says admin, the account does not: the guard asks the database.
        let resp = send(&app, method.clone(), &path, Some(&forged_roles), body).await;
        resp.assert_problem(StatusCode::FORBIDDEN, "role_revoked")
            .await;
    }

    // Signing out ends admin powers at once, though the access token has not expired.
    let (_, other_admin) = admin(&app, "ops@example.com").await;
    ok(send(
        &app,
        Method::GET,
        "/v1/identity/admin/users",
        Some(&other_admin),
        None,
    )
    .await)
    .await;
    let resp = send(
        &app,
        Method::POST,
        "/v1/identity/logout",
        Some(&other_admin),
        None,
    )
    .await;
    resp.assert_status(poem::http::StatusCode::NO_CONTENT);
    let resp = send(
        &app,
        Method::GET,
        "/v1/identity/admin/users",
        Some(&other_admin),
        None,
    )
    .await;
    resp.assert_header_exist("www-authenticate");
    resp.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;

    // Nothing changed.
    assert_eq!(user_row(&app, &member_id).await.roles, r#"["member"]"#);
    let root = user_row(&app, &admin_id).await;
    assert_eq!(root.roles, r#"["member","admin"]"#);
    assert!(root.disabled_at.is_none());
    for id in [&admin_id, &member_id] {
        let kinds: Vec<String> = events(&app, id).await.into_iter().map(|e| e.kind).collect();
        // Sign-ins, and the admin fixture's own enrollment of its second factor.
        let own = ["login_succeeded", "mfa_enrollment_started", "mfa_enabled"];
        assert!(
            kinds.iter().all(|k| own.contains(&k.as_str())),
            "{id}: {kinds:?}"
        );
    }
}

#[tokio::test]
async fn users_are_paged_newest_first_without_repeats_or_gaps_under_inserts() {
    let app = app().await;
    let (_, token) = admin(&app, "root@example.com").await;
    for i in 0..7 {
        register(&app, &format!("user{i}@example.com")).await;
    }
    let resp = send(
        &app,
        Method::GET,
        "/v1/identity/admin/users?limit=100",
        Some(&token),
        None,
    )
    .await;
    resp.assert_header("cache-control", "no-store");
    let all = ok(resp).await;
    let all_ids: Vec<String> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(all_ids.len(), 8);
    assert!(all["next_cursor"].is_null());
    let mut sorted = all_ids.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(all_ids, sorted, "newest (largest id) first");
    assert_eq!(all["items"][0]["email"], "user6@example.com");
    assert_eq!(all["items"][7]["email"], "root@example.com");

    let mut seen = Vec::new();
    let mut path = "/v1/identity/admin/users?limit=3".to_owned();
    let mut pages = 0;
    loop {
        let page = ok(send(&app, Method::GET, &path, Some(&token), None).await).await;
        pages += 1;
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["id"].as_str().unwrap().to_owned()),
        );
        // An account created while paging sorts before the first page: later pages
        // neither repeat nor skip anything because of it.
        register(&app, &format!("late{pages}@example.com")).await;
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/v1/identity/admin/users?limit=3&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, all_ids);

    let p = (send(
        &app,
        Method::GET,
        "/v1/identity/admin/users?limit=101",
        Some(&token),
        None,
    )
    .await)
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(p["errors"][0]["field"], "limit", "{p}");
    let p = (send(
        &app,
        Method::GET,
        "/v1/identity/admin/users?cursor=not-a-cursor",
        Some(&token),
        None,
    )
    .await)
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    assert_eq!(p["errors"][0]["field"], "cursor", "{p}");
}

#[tokio::test]
async fn users_are_searched_by_email_literally_and_case_insensitively_and_by_role() {
    let app = app().await;
    let (root_id, token) = admin(&app, "root@example.com").await;
    for email in [
        "Alice@Acme.com",
        "bob@ACME.com",
        "carol@other.org",
        "a_b@x.org",
        "axb@x.org",
        "100%@x.org",
    ] {
        register(&app, email).await;
    }
    let coach = register(&app, "coach@acme.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    grant(&app, &coach, &[Role::Member, Role::Coach]).await;

    let search = |query: &'static str| {
        let app = &app;
        let token = &token;
        async move {
            let path = format!("/v1/identity/admin/users?limit=100&{query}");
            let page = ok(send(app, Method::GET, &path, Some(token), None).await).await;
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["email"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        search("email=aCmE").await,
        ["coach@acme.com", "bob@acme.com", "Alice@acme.com"]
    );
    // `_` and `%` are matched literally, not as LIKE wildcards.
    assert_eq!(search("email=a_b").await, ["a_b@x.org"]);
    assert_eq!(search("email=%25").await, ["100%@x.org"]);
    assert!(search("email=nobody").await.is_empty());
    assert_eq!(search("role=admin").await, ["root@example.com"]);
    assert_eq!(search("role=coach&email=acme").await, ["coach@acme.com"]);
    assert!(search("role=clinician").await.is_empty());
    assert_eq!(search("role=member").await.len(), 8);

    let p = (send(
        &app,
        Method::GET,
        "/v1/identity/admin/users?email=%20%20",
        Some(&token),
        None,
    )
    .await)
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(p["errors"][0]["field"], "email", "{p}");
    let resp = send(
        &app,
        Method::GET,
        "/v1/identity/admin/users?role=superuser",
        Some(&token),
        None,
    )
    .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    assert_eq!(
        user_row(&app, &root_id).await.roles,
        r#"["member","admin"]"#
    );
}

#[tokio::test]
async fn one_account_is_read_with_its_state_and_active_sessions() {
    let app = app().await;
    let (_, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "Dana@Example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.sign_in("dana@example.com", PASSWORD).await;
    let second = app.sign_in("dana@example.com", PASSWORD).await.body;
    let path = format!("/v1/identity/admin/users/{id}");
    let resp = send(&app, Method::GET, &path, Some(&token), None).await;
    resp.assert_header("cache-control", "no-store");
    let user = ok(resp).await;
    assert_eq!(user["id"], id.as_str());
    assert_eq!(user["email"], "Dana@example.com");
    assert_eq!(user["roles"], json!(["member"]));
    assert!(user["email_verified_at"].is_null(), "{user}");
    assert!(user["disabled_at"].is_null(), "{user}");
    assert!(user["created_at"].is_string(), "{user}");
    assert_eq!(user["active_sessions"], 2);
    assert!(user.get("password_hash").is_none(), "{user}");

    // A revoked session no longer counts.
    let resp = send(
        &app,
        Method::POST,
        "/v1/identity/logout",
        second["access_token"].as_str(),
        None,
    )
    .await;
    resp.assert_status(poem::http::StatusCode::NO_CONTENT);
    let user = ok(send(&app, Method::GET, &path, Some(&token), None).await).await;
    assert_eq!(user["active_sessions"], 1);

    let unknown = haven_identity::UserId::new();
    let resp = send(
        &app,
        Method::GET,
        &format!("/v1/identity/admin/users/{unknown}"),
        Some(&token),
        None,
    )
    .await;
    resp.assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    let resp = send(
        &app,
        Method::GET,
        "/v1/identity/admin/users/ses_01jh0000000000000000000000",
        Some(&token),
        None,
    )
    .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
}

#[tokio::test]
async fn an_admin_created_like_the_cli_does_keeps_member_and_can_administer() {
    // `haven admin create-user --role admin` calls this service method.
    let app = app().await;
    let service = haven_identity::IdentityService::new(&app.ctx);
    let input = haven_identity::accounts::model::RegisterInput {
        email: "Boot@Example.com".to_owned(),
        password: PASSWORD.to_owned(),
        display_name: None,
    };
    let user = service
        .create_user(input, vec![Role::Admin, Role::Admin])
        .await
        .unwrap();
    assert_eq!(user.roles, [Role::Admin, Role::Member]);
    let id = user.id.to_string();
    assert_eq!(user_row(&app, &id).await.roles, r#"["member","admin"]"#);

    let tokens = app.sign_in("boot@example.com", PASSWORD).await.body;
    let sid = tokens["session_id"].as_str().unwrap();
    let token = mint(
        &app,
        &user.id,
        &sid.parse().unwrap(),
        vec![Role::Member, Role::Admin],
        &["pwd", "otp"],
    );
    let page = ok(send(
        &app,
        Method::GET,
        "/v1/identity/admin/users?role=admin",
        Some(&token),
        None,
    )
    .await)
    .await;
    assert_eq!(page["items"][0]["id"], id.as_str());
    assert_eq!(page["items"][0]["roles"], json!(["member", "admin"]));
}
