//! Google Play real-time developer notifications (issue 12 point 6): Pub/Sub pushes
//! authenticated by their OIDC token (a test key here), the subscription's state fetched
//! from a local stand-in for the Play Developer API, applied to the state machine and the
//! ledger, linked to the member by their account token; every refusal is a `400` with no
//! side effect and no call to Google.

use chrono::{Duration, Utc};
use haven_platform::testing::{AssertProblem, SignedIn, TestApp};
use poem::http::StatusCode;
use serde_json::json;

use crate::stores_support::{
    GOOGLE_KEY, INTRUDER_KEY, PACKAGE, PLAY_TOKEN, PlayStandIn, account_token, allowed,
    deliver_play, footprint, my_subscription, now_ms, oidc, play_app, play_state, push, push_data,
    status_of, store_plan,
};

async fn setup() -> (TestApp, PlayStandIn, SignedIn, String) {
    let google = PlayStandIn::default();
    let app = play_app(&google.start().await).await;
    let admin = app.admin().await;
    let member = app.member().await;
    store_plan(
        &app,
        &admin,
        "health.haven.premium.monthly",
        "premium_monthly",
    )
    .await;
    let token = account_token(&app, &member).await;
    (app, google, member, token)
}

fn good() -> String {
    oidc(GOOGLE_KEY, json!({}))
}

#[tokio::test]
async fn a_purchase_fetches_the_state_from_google_grants_and_a_redelivery_is_a_no_op() {
    let (app, google, member, account) = setup().await;
    google.set(
        "tok-1",
        play_state("ACTIVE", &account, Utc::now() + Duration::days(30)),
    );
    let body = push("m-1", 4, "tok-1", now_ms());

    assert_eq!(
        status_of(deliver_play(&app, &body, Some(&good())).await).await,
        "applied"
    );
    assert!(allowed(&app, &member, "content.premium").await);
    let sub = my_subscription(&app, &member).await;
    assert_eq!(
        (&sub["status"], &sub["provider"]),
        (&json!("active"), &json!("play"))
    );
    assert_eq!(
        google.received(),
        vec![(
            format!(
                "/androidpublisher/v3/applications/{PACKAGE}/purchases/subscriptionsv2/tokens/tok-1"
            ),
            Some(format!("Bearer {PLAY_TOKEN}"))
        )]
    );
    let before = footprint(&app).await;
    assert_eq!(before[..3], [1, 1, 1]);

    assert_eq!(
        status_of(deliver_play(&app, &body, Some(&good())).await).await,
        "duplicate"
    );
    assert_eq!(footprint(&app).await, before);
    assert_eq!(
        google.received().len(),
        1,
        "a redelivery does not call Google"
    );
}

#[tokio::test]
async fn grace_hold_cancel_pause_expiry_and_revocation_follow_the_state_machine() {
    let (app, google, member, account) = setup().await;
    let t = now_ms();
    let later = Utc::now() + Duration::days(30);
    let earlier = Utc::now() - Duration::days(1);
    let grace_end = Utc::now() + Duration::days(3);
    let steps = [
        (4, "ACTIVE", later, "active", true),
        (6, "IN_GRACE_PERIOD", grace_end, "past_due", true),
        (5, "ON_HOLD", earlier, "past_due", false),
        (1, "ACTIVE", later, "active", true),
        (3, "CANCELED", later, "canceled", true),
        (7, "ACTIVE", later, "active", true),
        (10, "PAUSED", later, "paused", false),
        (13, "EXPIRED", earlier, "expired", false),
        (2, "ACTIVE", later, "active", true),
        (12, "EXPIRED", earlier, "revoked", false),
    ];
    for (i, (kind, state, expiry, status, access)) in steps.into_iter().enumerate() {
        google.set("tok-2", play_state(state, &account, expiry));
        let body = push(
            &format!("m-{i}"),
            kind,
            "tok-2",
            t + i64::try_from(i).unwrap(),
        );
        assert_eq!(
            status_of(deliver_play(&app, &body, Some(&good())).await).await,
            "applied"
        );
        assert_eq!(
            my_subscription(&app, &member).await["status"],
            status,
            "{state}"
        );
        assert_eq!(
            allowed(&app, &member, "content.premium").await,
            access,
            "{state}"
        );
    }
}

#[tokio::test]
async fn an_older_notification_never_overwrites_a_newer_state() {
    let (app, google, member, account) = setup().await;
    let t = now_ms();
    google.set(
        "tok-3",
        play_state("EXPIRED", &account, Utc::now() - Duration::days(1)),
    );
    assert_eq!(
        status_of(deliver_play(&app, &push("new", 13, "tok-3", t), Some(&good())).await).await,
        "applied"
    );
    google.set(
        "tok-3",
        play_state("ACTIVE", &account, Utc::now() + Duration::days(30)),
    );
    assert_eq!(
        status_of(deliver_play(&app, &push("old", 2, "tok-3", t - 1000), Some(&good())).await)
            .await,
        "stale"
    );
    assert_eq!(my_subscription(&app, &member).await["status"], "expired");
}

#[tokio::test]
async fn every_unauthenticated_or_malformed_push_is_a_400_and_changes_nothing() {
    let (app, google, member, account) = setup().await;
    google.set(
        "tok-4",
        play_state("ACTIVE", &account, Utc::now() + Duration::days(30)),
    );
    let body = push("m-4", 4, "tok-4", now_ms());
    let now = Utc::now().timestamp();
    let tokens = [
        ("no token", None),
        ("not a JWT", Some("abc".to_owned())),
        ("signed by another key", Some(oidc(INTRUDER_KEY, json!({})))),
        (
            "another audience",
            Some(oidc(GOOGLE_KEY, json!({"aud": "https://evil.test"}))),
        ),
        (
            "another service account",
            Some(oidc(GOOGLE_KEY, json!({"email": "x@evil.test"}))),
        ),
        (
            "email not verified",
            Some(oidc(GOOGLE_KEY, json!({"email_verified": false}))),
        ),
        (
            "another issuer",
            Some(oidc(GOOGLE_KEY, json!({"iss": "https://evil.test"}))),
        ),
        (
            "expired",
            Some(oidc(
                GOOGLE_KEY,
                json!({"exp": now - 600, "iat": now - 4200}),
            )),
        ),
        (
            "HS256",
            Some(
                jsonwebtoken::encode(
                    &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
                    &json!({"aud": crate::stores_support::AUDIENCE, "exp": now + 600}),
                    &jsonwebtoken::EncodingKey::from_secret(b"k"),
                )
                .unwrap(),
            ),
        ),
    ];
    for (what, bearer) in tokens {
        let resp = deliver_play(&app, &body, bearer.as_deref()).await;
        resp.assert_problem(StatusCode::BAD_REQUEST, "webhook_signature_invalid")
            .await;
        assert_eq!(footprint(&app).await, [0, 0, 0, 0], "{what}");
    }
    let bodies = [
        ("not JSON", json!("{")),
        ("no messageId", json!({"message": {"data": "e30="}})),
        (
            "data not base64",
            json!({"message": {"data": "%%%", "messageId": "1"}}),
        ),
        (
            "another package",
            push_data(
                "m-5",
                &json!({"packageName": "com.example", "eventTimeMillis": "1",
            "subscriptionNotification": {"notificationType": 4, "purchaseToken": "tok-4"}}),
            ),
        ),
        (
            "token with a slash",
            push_data(
                "m-6",
                &json!({"packageName": PACKAGE, "eventTimeMillis": "1",
            "subscriptionNotification": {"notificationType": 4, "purchaseToken": "../tok"}}),
            ),
        ),
    ];
    for (what, body) in bodies {
        let resp = deliver_play(&app, &body, Some(&good())).await;
        resp.assert_problem(StatusCode::BAD_REQUEST, "webhook_payload_invalid")
            .await;
        assert_eq!(footprint(&app).await, [0, 0, 0, 0], "{what}");
    }
    assert!(google.received().is_empty(), "no refused push calls Google");
    assert!(!allowed(&app, &member, "content.premium").await);
}

#[tokio::test]
async fn google_unavailable_is_a_503_to_retry_and_stores_nothing() {
    let (app, google, member, account) = setup().await;
    google.set(
        "tok-5",
        play_state("ACTIVE", &account, Utc::now() + Duration::days(30)),
    );
    google.set_down(true);
    let body = push("m-7", 4, "tok-5", now_ms());
    deliver_play(&app, &body, Some(&good()))
        .await
        .assert_problem(StatusCode::SERVICE_UNAVAILABLE, "store_unavailable")
        .await;
    assert_eq!(footprint(&app).await, [0, 0, 0, 0]);
    google.set_down(false);
    assert_eq!(
        status_of(deliver_play(&app, &body, Some(&good())).await).await,
        "applied"
    );
    assert!(allowed(&app, &member, "content.premium").await);
}

#[tokio::test]
async fn other_messages_and_unknown_tokens_grant_nothing() {
    let (app, google, _member, _account) = setup().await;
    let test = push_data(
        "m-8",
        &json!({"version": "1.0", "packageName": PACKAGE,
        "eventTimeMillis": "1", "testNotification": {"version": "1.0"}}),
    );
    assert_eq!(
        status_of(deliver_play(&app, &test, Some(&good())).await).await,
        "ignored"
    );
    let price_change = push("m-9", 8, "tok-6", now_ms());
    assert_eq!(
        status_of(deliver_play(&app, &price_change, Some(&good())).await).await,
        "ignored"
    );
    assert_eq!(footprint(&app).await, [0, 0, 0, 0]);
    assert!(google.received().is_empty());
    // A token Google does not know: recorded, nothing applied.
    let unknown = push("m-10", 4, "tok-unknown", now_ms());
    assert_eq!(
        status_of(deliver_play(&app, &unknown, Some(&good())).await).await,
        "ignored"
    );
    assert_eq!(footprint(&app).await, [1, 0, 0, 0]);
}

#[tokio::test]
async fn without_push_settings_notifications_are_refused_with_503() {
    let app = haven_app::testing::app().await;
    deliver_play(&app, &push("m", 4, "t", 1), Some(&good()))
        .await
        .assert_problem(StatusCode::SERVICE_UNAVAILABLE, "webhook_not_configured")
        .await;
    assert_eq!(footprint(&app).await, [0, 0, 0, 0]);
}
