//! Two-step verification (TOTP): enrollment, confirmation, recovery codes, turning it off,
//! and the secret encrypted at rest. The login step-up is in `mfa_login`; roles that
//! require it and erasure in `mfa_account`.

use base64::Engine;
use diesel::prelude::*;
use haven_identity::schema::{identity_mfa_recovery_codes, identity_mfa_totp, identity_sessions};
use haven_platform::testing::{AssertProblem, Authenticator, Login, TestApp};
use poem::http::StatusCode;
use poem::test::TestResponse;
use serde_json::{Value, json};
use totp_rs::{Algorithm, Secret, TOTP};

use crate::{PASSWORD, app, post, register, security_events};

/// `POST` with a bearer token and a JSON body.
pub async fn post_auth(app: &TestApp, path: &str, token: &str, body: &Value) -> TestResponse {
    app.client
        .post(path)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
}

/// `GET /v1/identity/me/mfa`.
pub async fn mfa_status(app: &TestApp, token: &str) -> Value {
    let resp = app
        .client
        .get("/v1/identity/me/mfa")
        .header("authorization", format!("Bearer {token}"))
        .send()
        .await;
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

/// The login answer for `email` with [`PASSWORD`] from the "phone": tokens, or the
/// second-factor challenge of an enrolled account (which `TestApp::sign_in` refuses).
pub async fn login(app: &TestApp, email: &str) -> Value {
    let resp = app
        .login_as(Login::new(email, PASSWORD).device("phone"))
        .await;
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

/// The access token's `amr` claim, read from the JWT payload.
pub fn amr(tokens: &Value) -> Value {
    let jwt = tokens["access_token"].as_str().unwrap();
    let payload = jwt.split('.').nth(1).unwrap();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .unwrap();
    let claims: Value = serde_json::from_slice(&bytes).unwrap();
    claims.get("amr").cloned().unwrap_or(json!([]))
}

/// An account with TOTP on: its id, the enrolling session's tokens, the authenticator
/// and the recovery codes.
pub struct Enrolled {
    pub user_id: String,
    pub tokens: Value,
    pub app: Authenticator,
    pub recovery_codes: Vec<String>,
}

/// Starts an enrollment for the signed-in `tokens`; returns the answer's body.
pub async fn start(app: &TestApp, tokens: &Value) -> Value {
    let token = tokens["access_token"].as_str().unwrap();
    let resp = post_auth(app, "/v1/identity/me/mfa/totp", token, &json!({})).await;
    resp.assert_status(poem::http::StatusCode::CREATED);
    resp.assert_header("cache-control", "no-store");
    resp.json().await.value().deserialize()
}

/// Registers `email`, signs in, enrolls and confirms TOTP.
pub async fn enrolled(app: &TestApp, email: &str) -> Enrolled {
    let user = register(app, email).await;
    let tokens = login(app, email).await;
    let started = start(app, &tokens).await;
    let mut authenticator = Authenticator::new(started["secret"].as_str().unwrap());
    let resp = post_auth(
        app,
        "/v1/identity/me/mfa/totp/confirm",
        tokens["access_token"].as_str().unwrap(),
        &json!({"code": authenticator.next_code()}),
    )
    .await;
    resp.assert_status_is_ok();
    let body: Value = resp.json().await.value().deserialize();
    Enrolled {
        user_id: user["id"].as_str().unwrap().to_owned(),
        tokens,
        app: authenticator,
        recovery_codes: body["recovery_codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect(),
    }
}

/// The stored TOTP row: (secret_encrypted, enabled).
async fn totp_row(app: &TestApp, user_id: &str) -> Option<(String, bool)> {
    let id = user_id.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            identity_mfa_totp::table
                .find(&id)
                .select((
                    identity_mfa_totp::secret_encrypted,
                    identity_mfa_totp::enabled_at.is_not_null(),
                ))
                .first::<(String, bool)>(conn)
                .optional()
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap()
}

/// The stored recovery-code hashes: (hash, used).
pub async fn recovery_rows(app: &TestApp, user_id: &str) -> Vec<(String, bool)> {
    let id = user_id.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            identity_mfa_recovery_codes::table
                .filter(identity_mfa_recovery_codes::user_id.eq(&id))
                .select((
                    identity_mfa_recovery_codes::code_hash,
                    identity_mfa_recovery_codes::used_at.is_not_null(),
                ))
                .load::<(String, bool)>(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap()
}

/// The session's stored `amr`.
pub async fn session_amr(app: &TestApp, session_id: &str) -> String {
    let id = session_id.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            identity_sessions::table
                .find(&id)
                .select(identity_sessions::amr)
                .first::<String>(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap()
}

pub async fn refreshed(app: &TestApp, tokens: &Value) -> Value {
    let resp = post(
        app,
        "/v1/identity/token/refresh",
        &json!({"refresh_token": tokens["refresh_token"]}),
    )
    .await;
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

#[tokio::test]
async fn enrollment_gives_a_qr_ready_uri_and_stores_the_secret_encrypted() {
    let app = app().await;
    let user = register(&app, "ana@example.com").await;
    let user_id = user["id"].as_str().unwrap();
    let tokens = login(&app, "ana@example.com").await;
    assert_eq!(tokens["status"], "authenticated");
    assert_eq!(
        tokens["mfa_enrollment_required"], false,
        "a member may opt in"
    );
    let started = start(&app, &tokens).await;
    let secret = started["secret"].as_str().unwrap();
    assert_eq!(secret.len(), 32, "160 bits of base32: {secret}");
    assert!(
        secret
            .chars()
            .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c))
    );
    assert_eq!(
        started["otpauth_uri"],
        format!("otpauth://totp/Haven:ana%40example.com?secret={secret}&issuer=Haven")
    );
    // The URI is what authenticator apps parse: SHA-1, 6 digits, 30 s.
    let parsed = TOTP::from_url(started["otpauth_uri"].as_str().unwrap()).unwrap();
    assert_eq!(
        (parsed.algorithm, parsed.digits, parsed.step),
        (Algorithm::SHA1, 6, 30)
    );

    let (stored, enabled) = totp_row(&app, user_id).await.unwrap();
    assert!(!enabled, "pending until confirmed");
    assert!(stored.starts_with("v1."), "{stored}");
    let raw = Secret::Encoded(secret.to_owned()).to_bytes().unwrap();
    let blob = base64::engine::general_purpose::STANDARD
        .decode(&stored[3..])
        .unwrap();
    assert!(!stored.to_uppercase().contains(secret), "{stored}");
    assert!(!blob.windows(raw.len()).any(|w| w == raw.as_slice()));
    assert_eq!(blob.len(), 12 + 20 + 16, "nonce, ciphertext, tag");

    let status = mfa_status(&app, tokens["access_token"].as_str().unwrap()).await;
    assert_eq!(
        status,
        json!({"enabled": false, "enabled_at": null, "pending": true, "recovery_codes_left": 0, "required": false})
    );
    // Pending is not on: the password alone still signs in.
    assert_eq!(
        login(&app, "ana@example.com").await["status"],
        "authenticated"
    );
    // Starting again replaces the pending secret.
    let again = start(&app, &tokens).await;
    assert_ne!(again["secret"], started["secret"]);
    assert_ne!(totp_row(&app, user_id).await.unwrap().0, stored);
    let events = security_events(&app, user_id).await;
    assert_eq!(
        events
            .iter()
            .filter(|e| *e == "mfa_enrollment_started")
            .count(),
        2
    );
}

#[tokio::test]
async fn confirming_needs_a_right_fresh_code_and_returns_ten_recovery_codes() {
    let app = app().await;
    let user = register(&app, "ben@example.com").await;
    let user_id = user["id"].as_str().unwrap();
    let tokens = login(&app, "ben@example.com").await;
    let token = tokens["access_token"].as_str().unwrap();
    let confirm = |code: String| {
        let app = &app;
        async move {
            post_auth(
                app,
                "/v1/identity/me/mfa/totp/confirm",
                token,
                &json!({ "code": code }),
            )
            .await
        }
    };
    confirm("123456".into())
        .await
        .assert_problem(StatusCode::CONFLICT, "mfa_not_pending")
        .await;

    let started = start(&app, &tokens).await;
    let mut authenticator = Authenticator::new(started["secret"].as_str().unwrap());
    for wrong in [
        authenticator.code_at(3),
        authenticator.code_at(-3),
        "12345".into(),
    ] {
        confirm(wrong)
            .await
            .assert_problem(StatusCode::FORBIDDEN, "invalid_mfa_code")
            .await;
    }
    assert!(!totp_row(&app, user_id).await.unwrap().1);

    let resp = confirm(authenticator.next_code()).await;
    resp.assert_status_is_ok();
    resp.assert_header("cache-control", "no-store");
    let body: Value = resp.json().await.value().deserialize();
    let codes: Vec<String> = body["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), 10);
    let distinct: std::collections::HashSet<_> = codes.iter().collect();
    assert_eq!(distinct.len(), 10);
    for code in &codes {
        assert_eq!(code.len(), 19, "{code}");
        assert_eq!(code.split('-').count(), 4, "{code}");
    }
    assert!(totp_row(&app, user_id).await.unwrap().1, "enabled");
    let stored = recovery_rows(&app, user_id).await;
    assert_eq!(stored.len(), 10);
    for (hash, used) in &stored {
        assert!(!used);
        assert_eq!(hash.len(), 64, "SHA-256 hex");
        assert!(codes.iter().all(|c| !hash.contains(c.as_str())));
    }

    confirm(authenticator.next_code())
        .await
        .assert_problem(StatusCode::CONFLICT, "mfa_not_pending")
        .await;
    let resp = post_auth(&app, "/v1/identity/me/mfa/totp", token, &json!({})).await;
    assert_eq!(
        resp.assert_problem(StatusCode::CONFLICT, "mfa_already_enabled")
            .await["code"],
        "mfa_already_enabled"
    );

    let status = mfa_status(&app, token).await;
    assert_eq!(status["enabled"], true);
    assert_eq!(status["pending"], false);
    assert_eq!(status["recovery_codes_left"], 10);
    assert!(status["enabled_at"].is_string());
    let events = security_events(&app, user_id).await;
    assert_eq!(events.iter().filter(|e| *e == "mfa_failed").count(), 3);
    assert_eq!(events.last().unwrap(), "mfa_enabled", "{events:?}");
}

#[tokio::test]
async fn the_enrolling_session_carries_otp_after_its_next_refresh() {
    let app = app().await;
    let enrolled = enrolled(&app, "cat@example.com").await;
    assert_eq!(amr(&enrolled.tokens), json!(["pwd"]));
    let session_id = enrolled.tokens["session_id"].as_str().unwrap();
    assert_eq!(session_amr(&app, session_id).await, r#"["pwd","otp"]"#);
    let next = refreshed(&app, &enrolled.tokens).await;
    assert_eq!(amr(&next), json!(["pwd", "otp"]));
    assert_eq!(amr(&refreshed(&app, &next).await), json!(["pwd", "otp"]));
}

#[tokio::test]
async fn turning_it_off_takes_a_code_or_a_recovery_code() {
    let app = app().await;
    let mut enrolled = enrolled(&app, "dan@example.com").await;
    let token = enrolled.tokens["access_token"].as_str().unwrap().to_owned();
    let disable = |body: Value| {
        let (app, token) = (&app, token.clone());
        async move { post_auth(app, "/v1/identity/me/mfa/disable", &token, &body).await }
    };
    disable(json!({}))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let both =
        json!({"code": enrolled.app.code_at(0), "recovery_code": enrolled.recovery_codes[0]});
    disable(both)
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    disable(json!({"code": "000000", "extra": 1}))
        .await
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
    // The code that confirmed the enrollment is used up (replay).
    disable(json!({"code": enrolled.app.last_code()}))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "invalid_mfa_code")
        .await;
    disable(json!({"recovery_code": "0000-0000-0000-0000"}))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "invalid_mfa_code")
        .await;
    assert!(totp_row(&app, &enrolled.user_id).await.unwrap().1);

    disable(json!({"code": enrolled.app.next_code()}))
        .await
        .assert_status(poem::http::StatusCode::NO_CONTENT);
    assert!(totp_row(&app, &enrolled.user_id).await.is_none());
    assert!(recovery_rows(&app, &enrolled.user_id).await.is_empty());
    assert_eq!(
        login(&app, "dan@example.com").await["status"],
        "authenticated"
    );
    disable(json!({"code": enrolled.app.code_at(0)}))
        .await
        .assert_problem(StatusCode::CONFLICT, "mfa_not_enabled")
        .await;
    let events = security_events(&app, &enrolled.user_id).await;
    assert!(events.contains(&"mfa_disabled".to_owned()), "{events:?}");

    // With a recovery code (the phone is lost).
    let again = enrolled_again(&app, &enrolled.tokens).await;
    let body = json!({"recovery_code": again[3].to_uppercase().replace('-', " ")});
    disable(body)
        .await
        .assert_status(poem::http::StatusCode::NO_CONTENT);
    assert!(totp_row(&app, &enrolled.user_id).await.is_none());
    let events = security_events(&app, &enrolled.user_id).await;
    let tail: Vec<&str> = events
        .iter()
        .rev()
        .take(2)
        .rev()
        .map(String::as_str)
        .collect();
    assert_eq!(tail, ["mfa_recovery_code_used", "mfa_disabled"]);
}

/// Enrolls the signed-in `tokens` again; returns the recovery codes.
pub async fn enrolled_again(app: &TestApp, tokens: &Value) -> Vec<String> {
    let started = start(app, tokens).await;
    let mut authenticator = Authenticator::new(started["secret"].as_str().unwrap());
    let resp = post_auth(
        app,
        "/v1/identity/me/mfa/totp/confirm",
        tokens["access_token"].as_str().unwrap(),
        &json!({"code": authenticator.next_code()}),
    )
    .await;
    resp.assert_status_is_ok();
    let body: Value = resp.json().await.value().deserialize();
    serde_json::from_value(body["recovery_codes"].clone()).unwrap()
}

#[tokio::test]
async fn regenerated_recovery_codes_replace_the_old_ones() {
    let app = app().await;
    let mut enrolled = enrolled(&app, "eve@example.com").await;
    let token = enrolled.tokens["access_token"].as_str().unwrap().to_owned();
    let path = "/v1/identity/me/mfa/recovery-codes";
    (post_auth(
        &app,
        path,
        &token,
        &json!({"code": enrolled.recovery_codes[0].replace('-', "")}),
    )
    .await)
        .assert_problem(StatusCode::FORBIDDEN, "invalid_mfa_code")
        .await;
    let before = recovery_rows(&app, &enrolled.user_id).await;
    let resp = post_auth(
        &app,
        path,
        &token,
        &json!({"code": enrolled.app.next_code()}),
    )
    .await;
    resp.assert_status_is_ok();
    let body: Value = resp.json().await.value().deserialize();
    assert_eq!(body["recovery_codes"].as_array().unwrap().len(), 10);
    let after = recovery_rows(&app, &enrolled.user_id).await;
    assert_eq!(after.len(), 10);
    assert!(after.iter().all(|row| !before.contains(row)));
    let events = security_events(&app, &enrolled.user_id).await;
    assert_eq!(events.last().unwrap(), "mfa_recovery_codes_regenerated");
}

#[tokio::test]
async fn the_export_shows_the_factor_but_never_its_secret_or_codes() {
    let app = app().await;
    let enrolled = enrolled(&app, "exported@example.com").await;
    let service = haven_identity::IdentityService::new(&app.ctx);
    let export = match service
        .export_own_data(&enrolled.user_id.parse().unwrap())
        .await
        .unwrap()
    {
        haven_platform::privacy::UserData::Exported(data) => data,
        other => panic!("{other:?}"),
    };
    let factor = &export["two_step_verification"];
    assert_eq!(factor["method"], "totp", "{export}");
    assert!(factor["enabled_at"].is_string(), "{export}");
    assert_eq!(factor["recovery_codes_left"], 10, "{export}");
    let text = export.to_string();
    let secret = totp_row(&app, &enrolled.user_id).await.unwrap().0;
    assert!(!text.contains(&secret), "no encrypted secret in the export");
    for code in &enrolled.recovery_codes {
        assert!(
            !text.contains(code.as_str()),
            "no recovery code in the export"
        );
    }
}
