//! `POST /v1/identity/logout` and `/v1/identity/me/sessions`.

use std::time::Duration;

use haven_platform::auth::Role;
use haven_platform::testing::{AssertProblem, Login, TestApp};
use poem::http::StatusCode;
use serde_json::{Value, json};

use crate::{PASSWORD, app, post, register};

async fn get(app: &TestApp, path: &str, token: &Value) -> poem::test::TestResponse {
    app.client
        .get(path)
        .header(
            "authorization",
            format!("Bearer {}", token["access_token"].as_str().unwrap()),
        )
        .send()
        .await
}

async fn sessions(app: &TestApp, token: &Value) -> Vec<Value> {
    let resp = get(app, "/v1/identity/me/sessions?limit=100", token).await;
    resp.assert_status_is_ok();
    let page: Value = resp.json().await.value().deserialize();
    assert!(page["next_cursor"].is_null(), "{page}");
    page["items"].as_array().unwrap().clone()
}

fn ids(items: &[Value]) -> Vec<&str> {
    items.iter().map(|s| s["id"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn sessions_are_listed_newest_first_with_the_current_one_marked_and_paginated() {
    let app = app().await;
    register(&app, "dev@example.com").await;
    let a = app
        .sign_in_as(Login::new("dev@example.com", PASSWORD).device("laptop"))
        .await
        .body;
    let b = app
        .sign_in_as(Login::new("dev@example.com", PASSWORD).device("phone"))
        .await
        .body;
    let c = app
        .sign_in_as(Login::new("dev@example.com", PASSWORD).device("tablet"))
        .await
        .body;

    let items = sessions(&app, &b).await;
    assert_eq!(
        ids(&items),
        [&c, &b, &a].map(|t| t["session_id"].as_str().unwrap())
    );
    assert_eq!(items[0]["device_label"], "tablet");
    assert_eq!(
        items
            .iter()
            .map(|s| s["current"].as_bool().unwrap())
            .collect::<Vec<_>>(),
        [false, true, false]
    );
    assert!(items[0]["created_at"].is_string() && items[0]["last_used_at"].is_string());

    let mut seen = Vec::new();
    let mut path = "/v1/identity/me/sessions?limit=1".to_owned();
    loop {
        let resp = get(&app, &path, &a).await;
        resp.assert_status_is_ok();
        let page: Value = resp.json().await.value().deserialize();
        let items = page["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{page}");
        seen.push(items[0]["id"].as_str().unwrap().to_owned());
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/v1/identity/me/sessions?limit=1&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(seen, ids(&items));

    let resp = get(&app, "/v1/identity/me/sessions?limit=101", &a).await;
    resp.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
}

#[tokio::test]
async fn logout_revokes_the_current_session_only() {
    let app = app().await;
    register(&app, "out@example.com").await;
    let a = app
        .sign_in_as(Login::new("out@example.com", PASSWORD).device("laptop"))
        .await
        .body;
    let b = app
        .sign_in_as(Login::new("out@example.com", PASSWORD).device("phone"))
        .await
        .body;
    for _ in 0..2 {
        let resp = app
            .client
            .post("/v1/identity/logout")
            .header(
                "authorization",
                format!("Bearer {}", a["access_token"].as_str().unwrap()),
            )
            .send()
            .await;
        resp.assert_status(poem::http::StatusCode::NO_CONTENT);
    }
    assert_eq!(
        ids(&sessions(&app, &b).await),
        [b["session_id"].as_str().unwrap()]
    );

    let resp = app.client.post("/v1/identity/logout").send().await;
    resp.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
}

#[tokio::test]
async fn revoking_a_session_signs_that_device_out_and_others_are_404() {
    let app = app().await;
    register(&app, "own@example.com").await;
    register(&app, "other@example.com").await;
    let a = app
        .sign_in_as(Login::new("own@example.com", PASSWORD).device("laptop"))
        .await
        .body;
    let b = app
        .sign_in_as(Login::new("own@example.com", PASSWORD).device("phone"))
        .await
        .body;
    let other = app
        .sign_in_as(Login::new("other@example.com", PASSWORD).device("phone"))
        .await
        .body;

    let delete = |token: &Value, session: &Value| {
        app.client
            .delete(format!(
                "/v1/identity/me/sessions/{}",
                session["session_id"].as_str().unwrap()
            ))
            .header(
                "authorization",
                format!("Bearer {}", token["access_token"].as_str().unwrap()),
            )
            .send()
    };
    delete(&a, &other)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    assert_eq!(sessions(&app, &other).await.len(), 1);

    delete(&a, &b)
        .await
        .assert_status(poem::http::StatusCode::NO_CONTENT);
    assert_eq!(
        ids(&sessions(&app, &a).await),
        [a["session_id"].as_str().unwrap()]
    );

    let resp = app
        .client
        .delete("/v1/identity/me/sessions/usr_01h455vb4pex5vsknk084sn02q")
        .header(
            "authorization",
            format!("Bearer {}", a["access_token"].as_str().unwrap()),
        )
        .send()
        .await;
    // A user id where a session id belongs: the path does not parse (typed ids end to
    // end), so no session is touched.
    resp.assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    assert_eq!(
        ids(&sessions(&app, &a).await),
        [a["session_id"].as_str().unwrap()]
    );
}

/// `(session id, revoked)` of every session of `user_id`, by id.
async fn session_states(app: &TestApp, user_id: &str) -> Vec<(String, bool)> {
    use diesel::prelude::*;
    use haven_identity::schema::identity_sessions;
    let id = user_id.to_owned();
    let mut rows: Vec<(String, Option<chrono::NaiveDateTime>)> = app
        .ctx
        .db
        .run(move |conn| {
            identity_sessions::table
                .filter(identity_sessions::user_id.eq(&id))
                .select((identity_sessions::id, identity_sessions::revoked_at))
                .load(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
    rows.sort();
    rows.into_iter().map(|(id, r)| (id, r.is_some())).collect()
}

#[tokio::test]
async fn revoke_others_keeps_only_the_current_session() {
    let app = app().await;
    let user = register(&app, "rho@example.com").await;
    let user_id = user["id"].as_str().unwrap();
    let current = app
        .sign_in_as(Login::new("rho@example.com", PASSWORD).device("phone"))
        .await
        .body;
    let laptop = app
        .sign_in_as(Login::new("rho@example.com", PASSWORD).device("laptop"))
        .await
        .body;
    let tablet = app
        .sign_in_as(Login::new("rho@example.com", PASSWORD).device("tablet"))
        .await
        .body;
    let stranger = register(&app, "sig@example.com").await;
    app.sign_in_as(Login::new("sig@example.com", PASSWORD).device("phone"))
        .await;

    let resp = app
        .client
        .post("/v1/identity/me/sessions/revoke-others")
        .header(
            "authorization",
            format!("Bearer {}", current["access_token"].as_str().unwrap()),
        )
        .send()
        .await;
    resp.assert_status(poem::http::StatusCode::NO_CONTENT);

    let current_id = current["session_id"].as_str().unwrap();
    let states = session_states(&app, user_id).await;
    assert_eq!(states.len(), 3, "{states:?}");
    for (id, revoked) in &states {
        assert_eq!(*revoked, id != current_id, "{states:?}");
    }
    // Another user's sessions are untouched.
    let theirs = session_states(&app, stranger["id"].as_str().unwrap()).await;
    assert!(theirs.iter().all(|(_, revoked)| !revoked), "{theirs:?}");

    // The revoked devices cannot refresh; the current one can.
    for revoked in [&laptop, &tablet] {
        let resp = post(
            &app,
            "/v1/identity/token/refresh",
            &json!({"refresh_token": revoked["refresh_token"]}),
        )
        .await;
        resp.assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
            .await;
    }
    post(
        &app,
        "/v1/identity/token/refresh",
        &json!({"refresh_token": current["refresh_token"]}),
    )
    .await
    .assert_status_is_ok();
    let events = crate::security_events(&app, user_id).await;
    assert_eq!(
        events.iter().filter(|k| *k == "session_revoked").count(),
        2,
        "{events:?}"
    );

    // Without a token: 401.
    let resp = app
        .client
        .post("/v1/identity/me/sessions/revoke-others")
        .send()
        .await;
    resp.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
}

/// A validly signed token whose `sub`/`sid` are not a user and a session id (swapped
/// prefixes) is refused with `401`, and nothing is revoked under either id.
#[tokio::test]
async fn a_token_with_ids_of_the_wrong_type_is_401_and_touches_nothing() {
    let app = app().await;
    let user = register(&app, "tomas@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let a = app
        .sign_in_as(Login::new("tomas@example.com", PASSWORD).device("phone"))
        .await
        .body;
    let session = a["session_id"].as_str().unwrap().to_owned();
    // The session id as the subject and the user id as the session, validly signed.
    let mut claims = app.ctx.auth.access_claims(
        &user.parse().unwrap(),
        &session.parse().unwrap(),
        vec![Role::Member],
        vec!["pwd".to_owned()],
        Duration::from_secs(300),
    );
    std::mem::swap(&mut claims.sub, &mut claims.sid);
    let swapped = app.ctx.auth.issue(&claims).unwrap();
    for (method, path) in [
        ("GET", "/v1/identity/me"),
        ("POST", "/v1/identity/logout"),
        ("GET", "/v1/identity/me/sessions"),
    ] {
        let req = match method {
            "GET" => app.client.get(path),
            _ => app.client.post(path),
        };
        let resp = req
            .header("authorization", format!("Bearer {swapped}"))
            .send()
            .await;
        resp.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
            .await;
    }
    assert_eq!(ids(&sessions(&app, &a).await), [session.as_str()]);
}
