//! `POST /v1/identity/admin/users/{user_id}/disable` and `…/enable`.

use haven_platform::testing::AssertProblem;
use poem::http::StatusCode;

use crate::admin_support::*;
use crate::{PASSWORD, app, app_without_login_limits, register};

#[tokio::test]
async fn disabling_revokes_sessions_and_refuses_login_and_refresh_until_re_enabled() {
    let app = app_without_login_limits().await;
    let (admin_id, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "finn@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let a = app.sign_in("finn@example.com", PASSWORD).await.body;
    let b = app.sign_in("finn@example.com", PASSWORD).await.body;

    let user = ok(set_disabled(&app, &token, &id, true).await).await;
    assert!(user["disabled_at"].is_string(), "{user}");
    assert_eq!(user["active_sessions"], 0);
    let row = user_row(&app, &id).await;
    assert!(row.disabled_at.is_some());
    let sessions = sessions_of(&app, &id).await;
    assert_eq!(sessions.len(), 2);
    assert!(sessions.iter().all(|s| s.revoked_at.is_some()));
    let disabled = events_of_kind(&app, &id, "account_disabled").await;
    assert_eq!(disabled.len(), 1);
    assert_eq!(
        disabled[0].actor_id.map(|a| a.to_string()).as_deref(),
        Some(admin_id.as_str())
    );
    assert_eq!(disabled[0].detail.as_deref(), Some("sessions revoked: 2"));
    // Each revoked session has the one audit record every revocation writes.
    let revoked = events_of_kind(&app, &id, "session_revoked").await;
    let mut revoked_sessions: Vec<_> = revoked.iter().filter_map(|e| e.session_id).collect();
    revoked_sessions.sort();
    let mut ids: Vec<_> = sessions.iter().map(|s| s.id).collect();
    ids.sort();
    assert_eq!(revoked_sessions, ids);
    assert!(
        revoked
            .iter()
            .all(
                |e| e.actor_id.map(|a| a.to_string()).as_deref() == Some(admin_id.as_str())
                    && e.detail.as_deref() == Some("account_disabled")
            ),
        "{revoked:?}"
    );

    // Refresh stops at once.
    for t in [&a, &b] {
        refresh(&app, t["refresh_token"].as_str().unwrap())
            .await
            .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
            .await;
    }
    // The right password learns the account is disabled; a wrong one learns nothing.
    app.login("finn@example.com", PASSWORD)
        .await
        .assert_problem(StatusCode::FORBIDDEN, "account_disabled")
        .await;
    let wrong = app
        .login("finn@example.com", "not the password at all")
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;
    let unknown = app
        .login("nobody@example.com", "not the password at all")
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
        .await;
    assert_eq!(wrong["code"], unknown["code"]);
    assert_eq!(wrong["detail"], unknown["detail"]);
    assert_eq!(
        sessions_of(&app, &id).await.len(),
        2,
        "no session was opened"
    );

    // A retry with the same Idempotency-Key gets the first answer back.
    let keyed = |key: &'static str| {
        app.client
            .post(format!("/v1/identity/admin/users/{id}/disable"))
            .header("authorization", format!("Bearer {token}"))
            .header("idempotency-key", key)
            .send()
    };
    let first = ok(keyed("disable-finn-1").await).await;
    let replay = keyed("disable-finn-1").await;
    replay.assert_header("idempotent-replayed", "true");
    assert_eq!(ok(replay).await, first);

    // Disabling again changes nothing.
    let again = ok(set_disabled(&app, &token, &id, true).await).await;
    assert_eq!(again["disabled_at"], user["disabled_at"]);
    assert_eq!(events_of_kind(&app, &id, "account_disabled").await.len(), 1);

    let user = ok(set_disabled(&app, &token, &id, false).await).await;
    assert!(user["disabled_at"].is_null(), "{user}");
    assert!(user_row(&app, &id).await.disabled_at.is_none());
    let enabled = events_of_kind(&app, &id, "account_enabled").await;
    assert_eq!(enabled.len(), 1);
    assert_eq!(
        enabled[0].actor_id.map(|a| a.to_string()).as_deref(),
        Some(admin_id.as_str())
    );
    // Old sessions stay revoked; a new login works.
    refresh(&app, a["refresh_token"].as_str().unwrap())
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
    let c = app.sign_in("finn@example.com", PASSWORD).await.body;
    ok(refresh(&app, c["refresh_token"].as_str().unwrap()).await).await;
    ok(set_disabled(&app, &token, &id, false).await).await;
    assert_eq!(events_of_kind(&app, &id, "account_enabled").await.len(), 1);
}

#[tokio::test]
async fn a_session_opened_on_a_disabled_account_cannot_refresh() {
    // The race a login can lose to a concurrent disable, replayed in order: the session
    // row is written after the disable revoked the others.
    let app = app().await;
    let (_, token) = admin(&app, "root@example.com").await;
    let id = register(&app, "gus@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let tokens = app.sign_in("gus@example.com", PASSWORD).await.body;
    ok(set_disabled(&app, &token, &id, true).await).await;
    let sid = tokens["session_id"].as_str().unwrap().to_owned();
    db(&app, move |c| {
        use diesel::prelude::*;
        use haven_identity::schema::identity_sessions;
        diesel::update(identity_sessions::table.find(sid))
            .set(identity_sessions::revoked_at.eq(None::<chrono::NaiveDateTime>))
            .execute(c)
    })
    .await;
    refresh(&app, tokens["refresh_token"].as_str().unwrap())
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token")
        .await;
}
