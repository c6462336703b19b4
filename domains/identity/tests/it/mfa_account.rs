//! Two-step verification and the account's life: what "required" means for clinicians
//! and admins, and erasure deleting the second factor.

use diesel::prelude::*;
use haven_identity::schema::{
    identity_mfa_challenges, identity_mfa_recovery_codes, identity_mfa_totp,
};
use haven_platform::auth::Role;
use haven_platform::config::Secret;
use serde_json::json;

use crate::mfa::{amr, enrolled, enrolled_again, login, mfa_status, refreshed, start};
use crate::{PASSWORD, app, register};

#[tokio::test]
async fn clinicians_and_admins_are_asked_to_enroll_and_get_otp_once_they_do() {
    let app = app().await;
    let service = haven_identity::IdentityService::new(&app.ctx);
    for (email, role) in [
        ("admin@example.com", Role::Admin),
        ("doc@example.com", Role::Clinician),
    ] {
        service
            .create_user(
                haven_identity::accounts::model::RegisterInput {
                    email: email.into(),
                    password: PASSWORD.into(),
                    display_name: None,
                },
                vec![Role::Member, role],
            )
            .await
            .unwrap();
        let tokens = login(&app, email).await;
        assert_eq!(tokens["status"], "authenticated", "{tokens}");
        assert_eq!(tokens["mfa_enrollment_required"], true);
        assert_eq!(amr(&tokens), json!(["pwd"]));
        let principal = app
            .ctx
            .auth
            .verify(tokens["access_token"].as_str().unwrap())
            .unwrap();
        assert!(!principal.has_mfa());
        let status = mfa_status(&app, tokens["access_token"].as_str().unwrap()).await;
        assert_eq!(status["required"], true);
        assert_eq!(
            refreshed(&app, &tokens).await["mfa_enrollment_required"],
            true
        );

        enrolled_again(&app, &tokens).await;
        let next = refreshed(&app, &tokens).await;
        assert_eq!(next["mfa_enrollment_required"], false);
        let principal = app
            .ctx
            .auth
            .verify(next["access_token"].as_str().unwrap())
            .unwrap();
        assert!(principal.has_mfa(), "{:?}", principal.amr);
        assert_eq!(login(&app, email).await["status"], "mfa_required");
    }
}

#[tokio::test]
async fn erasure_deletes_the_second_factor() {
    let app = app().await;
    let enrolled = enrolled(&app, "gus@example.com").await;
    // A live challenge too.
    assert_eq!(
        login(&app, "gus@example.com").await["status"],
        "mfa_required"
    );
    let service = haven_identity::IdentityService::new(&app.ctx);
    service
        .erase_own_data(&enrolled.user_id.parse().unwrap())
        .await
        .unwrap();
    let id = enrolled.user_id.clone();
    let left = app
        .ctx
        .db
        .run(move |conn| {
            let totp = identity_mfa_totp::table
                .filter(identity_mfa_totp::user_id.eq(&id))
                .count()
                .get_result::<i64>(conn)?;
            let codes = identity_mfa_recovery_codes::table
                .filter(identity_mfa_recovery_codes::user_id.eq(&id))
                .count()
                .get_result::<i64>(conn)?;
            let challenges = identity_mfa_challenges::table
                .filter(identity_mfa_challenges::user_id.eq(&id))
                .count()
                .get_result::<i64>(conn)?;
            Ok::<_, haven_platform::DbError>((totp, codes, challenges))
        })
        .await
        .unwrap();
    assert_eq!(left, (0, 0, 0));
}

#[tokio::test]
async fn the_secret_is_encrypted_under_the_configured_key() {
    use aes_gcm::aead::{Aead, KeyInit, Payload};
    use base64::Engine;
    let key = [42u8; 32];
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.auth.mfa_encryption_key = Some(Secret::new(
                base64::engine::general_purpose::STANDARD.encode(key),
            ));
        })
        .build(haven_app::wiring::build_app)
        .await;
    let user = register(&app, "hal@example.com").await;
    let user_id = user["id"].as_str().unwrap().to_owned();
    let started = start(&app, &login(&app, "hal@example.com").await).await;
    let id = user_id.clone();
    let stored: String = app
        .ctx
        .db
        .run(move |conn| {
            identity_mfa_totp::table
                .find(&id)
                .select(identity_mfa_totp::secret_encrypted)
                .first(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
    let blob = base64::engine::general_purpose::STANDARD
        .decode(stored.strip_prefix("v1.").unwrap())
        .unwrap();
    let (nonce, ciphertext) = blob.split_at(12);
    let cipher = aes_gcm::Aes256Gcm::new(&key.into());
    let decrypt = |aad: &[u8]| {
        cipher.decrypt(
            aes_gcm::Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
    };
    let secret = decrypt(user_id.as_bytes()).unwrap();
    let expected = totp_rs::Secret::Encoded(started["secret"].as_str().unwrap().to_owned())
        .to_bytes()
        .unwrap();
    assert_eq!(secret, expected);
    // Bound to the account: another user id as associated data does not decrypt.
    assert!(decrypt(b"usr_other").is_err());
}
