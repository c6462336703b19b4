//! The login step-up: `POST /v1/identity/login` answers a challenge when TOTP is on, and
//! `POST /v1/identity/login/mfa` completes it; attempts are bounded per challenge and per
//! account; one recovery code or TOTP step opens one session even under concurrency.

use diesel::prelude::*;
use haven_identity::mfa::service::MFA_CHALLENGE_MAX_ATTEMPTS;
use haven_identity::schema::{identity_mfa_challenges, identity_sessions};
use haven_platform::config::IdentitySettings;
use haven_platform::testing::{AssertProblem, TestApp};
use poem::http::StatusCode;
use poem::test::TestResponse;
use serde_json::{Value, json};

use crate::mfa::{amr, enrolled, login, mfa_status, recovery_rows, refreshed, session_amr};
use crate::{PASSWORD, app, app_without_login_limits, post, security_events};

async fn step_up(app: &TestApp, challenge: &Value, factor: Value) -> TestResponse {
    let mut body = factor;
    body["mfa_token"] = challenge["mfa_token"].clone();
    post(app, "/v1/identity/login/mfa", &body).await
}

/// A login of `email` that must answer a challenge.
async fn challenge(app: &TestApp, email: &str) -> Value {
    let answer = login(app, email).await;
    assert_eq!(answer["status"], "mfa_required", "{answer}");
    answer
}

async fn sessions_of(app: &TestApp, user_id: &str) -> i64 {
    let id = user_id.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            identity_sessions::table
                .filter(identity_sessions::user_id.eq(&id))
                .count()
                .get_result::<i64>(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap()
}

/// The default `identity.lockout_threshold`.
fn threshold() -> usize {
    IdentitySettings::default().lockout_threshold as usize
}

async fn challenges_of(app: &TestApp, user_id: &str) -> i64 {
    let id = user_id.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            identity_mfa_challenges::table
                .filter(identity_mfa_challenges::user_id.eq(&id))
                .count()
                .get_result::<i64>(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_right_password_gets_a_challenge_and_the_code_gets_tokens_with_otp() {
    let app = app().await;
    let mut enrolled = enrolled(&app, "ana@example.com").await;
    let answer = challenge(&app, "ana@example.com").await;
    let token = answer["mfa_token"].as_str().unwrap();
    assert!(token.len() >= 43, "256 bits: {token}");
    assert_eq!(answer["expires_in"], 300);
    for absent in ["access_token", "refresh_token", "session_id"] {
        assert!(answer.get(absent).is_none(), "{answer}");
    }
    let sessions_before = sessions_of(&app, &enrolled.user_id).await;

    // The code that confirmed the enrollment is spent: a replay is a wrong code.
    step_up(&app, &answer, json!({"code": enrolled.app.last_code()}))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_mfa_code")
        .await;
    step_up(&app, &answer, json!({"code": enrolled.app.code_at(3)}))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_mfa_code")
        .await;
    step_up(&app, &answer, json!({}))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    step_up(&app, &answer, json!({"code": "1", "device_label": "x"}))
        .await
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;

    let resp = step_up(&app, &answer, json!({"code": enrolled.app.next_code()})).await;
    resp.assert_status_is_ok();
    resp.assert_header("cache-control", "no-store");
    let tokens: Value = resp.json().await.value().deserialize();
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["mfa_enrollment_required"], false);
    assert_eq!(amr(&tokens), json!(["pwd", "otp"]));
    let principal = app
        .ctx
        .auth
        .verify(tokens["access_token"].as_str().unwrap())
        .unwrap();
    assert!(principal.has_mfa());
    let session_id = tokens["session_id"].as_str().unwrap();
    assert_eq!(session_amr(&app, session_id).await, r#"["pwd","otp"]"#);
    assert_eq!(
        sessions_of(&app, &enrolled.user_id).await,
        sessions_before + 1
    );
    // Refresh keeps the second factor.
    assert_eq!(amr(&refreshed(&app, &tokens).await), json!(["pwd", "otp"]));

    // The challenge opened its session: it is spent.
    step_up(&app, &answer, json!({"code": enrolled.app.next_code()}))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_mfa_token")
        .await;
    let events = security_events(&app, &enrolled.user_id).await;
    assert_eq!(events.iter().filter(|e| *e == "mfa_failed").count(), 2);
    assert_eq!(events.last().unwrap(), "login_succeeded", "{events:?}");
}

#[tokio::test]
async fn a_recovery_code_works_once() {
    let app = app().await;
    let enrolled = enrolled(&app, "ben@example.com").await;
    let code = enrolled.recovery_codes[0].clone();
    let answer = challenge(&app, "ben@example.com").await;
    // Case and separators do not matter.
    let typed = code.to_uppercase().replace('-', " ");
    let resp = step_up(&app, &answer, json!({"recovery_code": typed})).await;
    resp.assert_status_is_ok();
    let tokens: Value = resp.json().await.value().deserialize();
    assert_eq!(amr(&tokens), json!(["pwd", "mfa"]));
    let used: Vec<bool> = recovery_rows(&app, &enrolled.user_id)
        .await
        .into_iter()
        .map(|(_, used)| used)
        .collect();
    assert_eq!(used.iter().filter(|u| **u).count(), 1);
    let status = mfa_status(&app, tokens["access_token"].as_str().unwrap()).await;
    assert_eq!(status["recovery_codes_left"], 9);

    let again = challenge(&app, "ben@example.com").await;
    step_up(&app, &again, json!({"recovery_code": code}))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_mfa_code")
        .await;
    let events = security_events(&app, &enrolled.user_id).await;
    assert_eq!(
        events
            .iter()
            .filter(|e| *e == "mfa_recovery_code_used")
            .count(),
        1
    );
    assert_eq!(events.last().unwrap(), "mfa_failed");
}

#[tokio::test]
async fn a_challenge_takes_five_codes_and_expires() {
    let app = app().await;
    let mut enrolled = enrolled(&app, "cat@example.com").await;
    let answer = challenge(&app, "cat@example.com").await;
    for _ in 0..MFA_CHALLENGE_MAX_ATTEMPTS {
        step_up(&app, &answer, json!({"code": "000000"}))
            .await
            .assert_problem(StatusCode::UNAUTHORIZED, "invalid_mfa_code")
            .await;
    }
    // Out of attempts: even the right code is refused, and the code stays unused.
    let right = enrolled.app.next_code();
    step_up(&app, &answer, json!({"code": right}))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_mfa_token")
        .await;

    let fresh = challenge(&app, "cat@example.com").await;
    let token_hash = {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(fresh["mfa_token"].as_str().unwrap().as_bytes());
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    app.ctx
        .db
        .run(move |conn| {
            let past = haven_platform::time::now_utc() - chrono::Duration::seconds(1);
            diesel::update(
                identity_mfa_challenges::table
                    .filter(identity_mfa_challenges::token_hash.eq(token_hash)),
            )
            .set(identity_mfa_challenges::expires_at.eq(past))
            .execute(conn)
            .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
    step_up(&app, &fresh, json!({"code": right}))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_mfa_token")
        .await;
    // Each login clears the spent challenges: opening `fresh` removed the exhausted one,
    // the next removes the expired one.
    assert_eq!(challenges_of(&app, &enrolled.user_id).await, 1);
    let next = challenge(&app, "cat@example.com").await;
    assert_eq!(challenges_of(&app, &enrolled.user_id).await, 1);
    step_up(&app, &next, json!({"code": right}))
        .await
        .assert_status_is_ok();
    let unknown = json!({"mfa_token": "not-a-token"});
    step_up(&app, &unknown, json!({"code": right}))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_mfa_token")
        .await;
}

#[tokio::test]
async fn wrong_codes_lock_the_account_like_wrong_passwords() {
    let app = app_without_login_limits().await;
    let mut enrolled = enrolled(&app, "dan@example.com").await;
    let mut failures = 0;
    let mut last = Value::Null;
    while failures < threshold() {
        let answer = challenge(&app, "dan@example.com").await;
        for _ in 0..MFA_CHALLENGE_MAX_ATTEMPTS.min((threshold() - failures) as i32) {
            let resp = step_up(&app, &answer, json!({"code": "000000"})).await;
            assert!(resp.0.headers().get("retry-after").is_none());
            last = resp
                .assert_problem(StatusCode::UNAUTHORIZED, "invalid_mfa_code")
                .await;
            failures += 1;
        }
    }
    // Locked: the right password gets the usual 401 plus Retry-After, and a change
    // guarded by a code is refused the same way (the body of a wrong code).
    let resp = app.login("dan@example.com", PASSWORD).await;
    assert!(resp.0.headers().get("retry-after").is_some());
    assert_eq!(
        resp.assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials")
            .await["code"],
        "invalid_credentials"
    );

    let events = security_events(&app, &enrolled.user_id).await;
    assert!(events.contains(&"account_locked".to_owned()), "{events:?}");
    assert_eq!(
        events.iter().filter(|e| *e == "mfa_failed").count(),
        threshold()
    );
    let token = enrolled.tokens["access_token"].as_str().unwrap();
    let resp = crate::mfa::post_auth(
        &app,
        "/v1/identity/me/mfa/disable",
        token,
        &json!({"code": enrolled.app.next_code()}),
    )
    .await;
    assert!(resp.0.headers().get("retry-after").is_some());
    let mut body = resp
        .assert_problem(StatusCode::FORBIDDEN, "invalid_mfa_code")
        .await;
    body.as_object_mut().unwrap().remove("request_id");
    last.as_object_mut().unwrap().remove("request_id");
    assert_eq!(body["detail"], last["detail"]);
}

#[tokio::test]
async fn a_challenge_from_before_the_lock_is_refused_with_retry_after() {
    let app = app_without_login_limits().await;
    let mut enrolled = enrolled(&app, "eve@example.com").await;
    let kept = challenge(&app, "eve@example.com").await;
    let mut failures = 0;
    while failures < threshold() {
        let answer = challenge(&app, "eve@example.com").await;
        for _ in 0..MFA_CHALLENGE_MAX_ATTEMPTS.min((threshold() - failures) as i32) {
            step_up(&app, &answer, json!({"code": "000000"}))
                .await
                .assert_problem(StatusCode::UNAUTHORIZED, "invalid_mfa_code")
                .await;
            failures += 1;
        }
    }
    let resp = step_up(&app, &kept, json!({"code": enrolled.app.next_code()})).await;
    assert!(resp.0.headers().get("retry-after").is_some());
    assert_eq!(
        resp.assert_problem(StatusCode::UNAUTHORIZED, "invalid_mfa_code")
            .await["code"],
        "invalid_mfa_code"
    );
    assert_eq!(
        sessions_of(&app, &enrolled.user_id).await,
        1,
        "the enrolling one"
    );
}

#[tokio::test]
async fn one_recovery_code_or_totp_step_opens_one_session_under_concurrency() {
    let app = app_without_login_limits().await;
    let mut enrolled = enrolled(&app, "fay@example.com").await;
    let mut challenges = Vec::new();
    for _ in 0..6 {
        challenges.push(challenge(&app, "fay@example.com").await);
    }
    let code = enrolled.recovery_codes[0].clone();
    let app_ref = &app;
    let statuses = futures_util::future::join_all(challenges.iter().map(|c| {
        let code = code.clone();
        async move {
            step_up(app_ref, c, json!({ "recovery_code": code }))
                .await
                .0
                .status()
                .as_u16()
        }
    }))
    .await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 401),
        "{statuses:?}"
    );
    let used = recovery_rows(&app, &enrolled.user_id)
        .await
        .into_iter()
        .filter(|(_, used)| *used)
        .count();
    assert_eq!(used, 1);
    assert_eq!(sessions_of(&app, &enrolled.user_id).await, 2);

    // The same TOTP code on the other (still live) challenges: one session.
    let code = enrolled.app.next_code();
    let statuses = futures_util::future::join_all(challenges.iter().map(|c| {
        let code = code.clone();
        async move {
            step_up(app_ref, c, json!({ "code": code }))
                .await
                .0
                .status()
                .as_u16()
        }
    }))
    .await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(sessions_of(&app, &enrolled.user_id).await, 3);
    let events = security_events(&app, &enrolled.user_id).await;
    assert_eq!(
        events
            .iter()
            .filter(|e| *e == "mfa_recovery_code_used")
            .count(),
        1
    );
}
