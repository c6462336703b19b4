//! App Store Server Notifications V2 (issue 12 point 5): signed by a chain up to the
//! configured root (a test PKI here), mapped to the state machine and the ledger in order
//! of `signedDate`, linked to the member by their account token; every refusal is a
//! `400` with no side effect.

use haven_platform::testing::{AssertProblem, SignedIn, TestApp};
use poem::http::StatusCode;
use serde_json::{Value, json};

use crate::stores_support::{
    BUNDLE, Flaws, Pki, account_token, allowed, app_store_app, deliver_app_store, footprint,
    my_subscription, now_ms, status_of, store_plan,
};

const DAY_MS: i64 = 86_400_000;

/// A notification's `signedPayload` body, signed by `pki`.
struct Note<'a> {
    pki: &'a Pki,
    uuid: String,
    kind: &'a str,
    subtype: Option<&'a str>,
    signed_ms: i64,
    tx: Value,
    renewal: Option<Value>,
}

impl<'a> Note<'a> {
    fn new(pki: &'a Pki, uuid: &str, kind: &'a str, signed_ms: i64, tx: Value) -> Self {
        Self {
            pki,
            uuid: uuid.to_owned(),
            kind,
            subtype: None,
            signed_ms,
            tx,
            renewal: None,
        }
    }

    fn payload(&self) -> Value {
        let mut data = json!({"appAppleId": 1234, "bundleId": BUNDLE, "bundleVersion": "1",
            "environment": "Sandbox", "status": 1,
            "signedTransactionInfo": self.pki.sign(&self.tx)});
        if let Some(r) = &self.renewal {
            data["signedRenewalInfo"] = Value::String(self.pki.sign(r));
        }
        json!({"notificationType": self.kind, "subtype": self.subtype,
               "notificationUUID": self.uuid, "version": "2.0",
               "signedDate": self.signed_ms, "data": data})
    }

    fn body(&self) -> Value {
        json!({"signedPayload": self.pki.sign(&self.payload())})
    }
}

fn tx(token: &str, original: &str, expires_ms: i64) -> Value {
    json!({"transactionId": format!("{original}-{expires_ms}"),
           "originalTransactionId": original, "bundleId": BUNDLE,
           "productId": "health.haven.premium.monthly", "appAccountToken": token,
           "purchaseDate": expires_ms - 30 * DAY_MS, "originalPurchaseDate": expires_ms - 30 * DAY_MS,
           "expiresDate": expires_ms, "type": "Auto-Renewable Subscription",
           "inAppOwnershipType": "PURCHASED", "environment": "Sandbox",
           "signedDate": expires_ms - 30 * DAY_MS})
}

async fn setup(pki: &Pki) -> (TestApp, SignedIn, String) {
    let app = app_store_app(&pki.root_pem).await;
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
    (app, member, token)
}

#[tokio::test]
async fn a_subscribed_notification_grants_the_products_features_and_a_redelivery_is_a_no_op() {
    let pki = Pki::new();
    let (app, member, token) = setup(&pki).await;
    assert!(!allowed(&app, &member, "content.premium").await);
    let now = now_ms();
    let mut note = Note::new(
        &pki,
        "n-1",
        "SUBSCRIBED",
        now,
        tx(&token, "1000", now + 30 * DAY_MS),
    );
    note.subtype = Some("INITIAL_BUY");
    note.renewal = Some(json!({"autoRenewStatus": 1, "originalTransactionId": "1000"}));
    let body = note.body();

    assert_eq!(
        status_of(deliver_app_store(&app, &body).await).await,
        "applied"
    );
    assert!(allowed(&app, &member, "content.premium").await);
    let sub = my_subscription(&app, &member).await;
    assert_eq!(
        (&sub["status"], &sub["provider"]),
        (&json!("active"), &json!("app_store"))
    );
    let before = footprint(&app).await;
    assert_eq!(before[..3], [1, 1, 1]);

    assert_eq!(
        status_of(deliver_app_store(&app, &body).await).await,
        "duplicate"
    );
    assert_eq!(footprint(&app).await, before);
}

#[tokio::test]
async fn renewals_grace_cancellation_expiry_refund_and_revocation_follow_the_state_machine() {
    let pki = Pki::new();
    let (app, member, token) = setup(&pki).await;
    let t = now_ms();
    let end = t + 30 * DAY_MS;
    let send = |uuid: &str,
                kind: &'static str,
                subtype: Option<&'static str>,
                at: i64,
                renewal: Option<Value>,
                expires: i64| {
        let mut n = Note::new(&pki, uuid, kind, at, tx(&token, "2000", expires));
        n.subtype = subtype;
        n.renewal = renewal;
        n.body()
    };
    let expect = async |body: Value, status: &str, access: bool| {
        assert_eq!(
            status_of(deliver_app_store(&app, &body).await).await,
            "applied"
        );
        assert_eq!(my_subscription(&app, &member).await["status"], status);
        assert_eq!(
            allowed(&app, &member, "content.premium").await,
            access,
            "{status}"
        );
    };
    expect(
        send("a", "SUBSCRIBED", Some("INITIAL_BUY"), t, None, end),
        "active",
        true,
    )
    .await;
    // The renewal failed and the period is over, but Apple's grace period keeps access.
    let grace = json!({"autoRenewStatus": 1, "gracePeriodExpiresDate": t + 3 * DAY_MS,
                       "isInBillingRetryPeriod": true});
    expect(
        send(
            "b",
            "DID_FAIL_TO_RENEW",
            Some("GRACE_PERIOD"),
            t + 1,
            Some(grace),
            t - DAY_MS,
        ),
        "past_due",
        true,
    )
    .await;
    expect(
        send("c", "DID_RENEW", None, t + 2, None, end),
        "active",
        true,
    )
    .await;
    let off = json!({"autoRenewStatus": 0});
    expect(
        send(
            "d",
            "DID_CHANGE_RENEWAL_STATUS",
            Some("AUTO_RENEW_DISABLED"),
            t + 3,
            Some(off),
            end,
        ),
        "canceled",
        true,
    )
    .await;
    expect(
        send("e", "EXPIRED", Some("VOLUNTARY"), t + 4, None, t - DAY_MS),
        "expired",
        false,
    )
    .await;
    expect(
        send("f", "SUBSCRIBED", Some("RESUBSCRIBE"), t + 5, None, end),
        "active",
        true,
    )
    .await;
    expect(
        send("g", "REFUND", None, t + 6, None, end),
        "refunded",
        false,
    )
    .await;
    expect(
        send("h", "DID_RENEW", None, t + 7, None, end + 30 * DAY_MS),
        "active",
        true,
    )
    .await;
    expect(
        send("i", "REVOKE", None, t + 8, None, end),
        "revoked",
        false,
    )
    .await;
}

#[tokio::test]
async fn an_older_notification_never_overwrites_a_newer_state() {
    let pki = Pki::new();
    let (app, member, token) = setup(&pki).await;
    let t = now_ms();
    let expired = Note::new(&pki, "new", "EXPIRED", t, tx(&token, "3000", t - DAY_MS)).body();
    let renewed = Note::new(
        &pki,
        "old",
        "DID_RENEW",
        t - 60_000,
        tx(&token, "3000", t + 30 * DAY_MS),
    )
    .body();
    assert_eq!(
        status_of(deliver_app_store(&app, &expired).await).await,
        "applied"
    );
    assert_eq!(
        status_of(deliver_app_store(&app, &renewed).await).await,
        "stale"
    );
    assert_eq!(my_subscription(&app, &member).await["status"], "expired");
    assert!(!allowed(&app, &member, "content.premium").await);
}

#[tokio::test]
async fn a_transaction_of_no_known_member_is_recorded_and_grants_nothing() {
    let pki = Pki::new();
    let (app, _member, _token) = setup(&pki).await;
    let t = now_ms();
    let stranger = "5b0d7e5e-7c3c-4a43-9d0e-7f8a4b7a2f11";
    let body = Note::new(&pki, "x", "SUBSCRIBED", t, tx(stranger, "4000", t + DAY_MS)).body();
    assert_eq!(
        status_of(deliver_app_store(&app, &body).await).await,
        "ignored"
    );
    assert_eq!(footprint(&app).await[..3], [1, 0, 0]);
}

#[tokio::test]
async fn other_types_and_environments_are_answered_200_and_not_stored() {
    let pki = Pki::new();
    let (app, _member, token) = setup(&pki).await;
    let t = now_ms();
    let test = Note::new(&pki, "t", "TEST", t, tx(&token, "5000", t + DAY_MS)).body();
    assert_eq!(
        status_of(deliver_app_store(&app, &test).await).await,
        "ignored"
    );
    let mut prod = Note::new(&pki, "p", "DID_RENEW", t, tx(&token, "5000", t + DAY_MS)).payload();
    prod["data"]["environment"] = json!("Production");
    let body = json!({"signedPayload": pki.sign(&prod)});
    assert_eq!(
        status_of(deliver_app_store(&app, &body).await).await,
        "ignored"
    );
    assert_eq!(footprint(&app).await, [0, 0, 0, 0]);
}

#[tokio::test]
async fn every_refused_notification_is_a_400_and_changes_nothing() {
    let pki = Pki::new();
    let (app, member, token) = setup(&pki).await;
    let t = now_ms();
    let good = Note::new(&pki, "r", "DID_RENEW", t, tx(&token, "6000", t + DAY_MS));
    let payload = good.payload();
    let signed = pki.sign(&payload);

    let other_root = Pki::new();
    let expired = Pki::with(Flaws {
        leaf_expired: true,
        ..Flaws::default()
    });
    let unmarked = Pki::with(Flaws {
        leaf_unmarked: true,
        ..Flaws::default()
    });
    // The same chain but the payload changed after signing.
    let (head, rest) = signed.split_once('.').unwrap();
    let sig = rest.split_once('.').unwrap().1;
    let mut forged_payload = payload.clone();
    forged_payload["signedDate"] = json!(t + 1);
    let forged = format!(
        "{head}.{}.{sig}",
        base64::Engine::encode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            forged_payload.to_string()
        )
    );
    let mut wrong_bundle = payload.clone();
    wrong_bundle["data"]["bundleId"] = json!("com.example.other");
    let mut foreign_tx = payload.clone();
    foreign_tx["data"]["signedTransactionInfo"] = json!(other_root.sign(&good.tx));
    let mut no_uuid = payload.clone();
    no_uuid.as_object_mut().unwrap().remove("notificationUUID");

    let signature = "webhook_signature_invalid";
    let invalid = "webhook_payload_invalid";
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "signed under another root",
            json!({"signedPayload": other_root.sign(&payload)}),
            signature,
        ),
        (
            "leaf expired",
            json!({"signedPayload": expired.sign(&payload)}),
            signature,
        ),
        (
            "leaf without Apple's marker",
            json!({"signedPayload": unmarked.sign(&payload)}),
            signature,
        ),
        (
            "payload changed after signing",
            json!({"signedPayload": forged}),
            signature,
        ),
        (
            "alg HS256",
            json!({"signedPayload": pki.sign_claiming("HS256", &payload)}),
            signature,
        ),
        (
            "alg ES384",
            json!({"signedPayload": pki.sign_claiming("ES384", &payload)}),
            signature,
        ),
        (
            "transaction under another root",
            json!({"signedPayload": pki.sign(&foreign_tx)}),
            signature,
        ),
        (
            "another app",
            json!({"signedPayload": pki.sign(&wrong_bundle)}),
            invalid,
        ),
        (
            "no notificationUUID",
            json!({"signedPayload": pki.sign(&no_uuid)}),
            invalid,
        ),
        ("not a JWS", json!({"signedPayload": "abc"}), invalid),
        ("no signedPayload", json!({"payload": signed}), invalid),
        ("not JSON", Value::String("{".into()), invalid),
    ];
    for (what, body, code) in cases {
        let resp = deliver_app_store(&app, &body).await;
        resp.assert_problem(StatusCode::BAD_REQUEST, code).await;
        assert_eq!(footprint(&app).await, [0, 0, 0, 0], "{what}");
    }
    assert!(!allowed(&app, &member, "content.premium").await);
}

#[tokio::test]
async fn without_a_bundle_id_notifications_are_refused_with_503() {
    let app = haven_app::testing::app().await;
    let resp = deliver_app_store(&app, &json!({"signedPayload": "a.b.c"})).await;
    resp.assert_problem(StatusCode::SERVICE_UNAVAILABLE, "webhook_not_configured")
        .await;
    assert_eq!(footprint(&app).await, [0, 0, 0, 0]);
}

#[tokio::test]
async fn the_account_token_is_one_uuid_per_member() {
    let app = haven_app::testing::app().await;
    let a = app.member().await;
    let b = app.member().await;
    let first = account_token(&app, &a).await;
    assert!(uuid::Uuid::parse_str(&first).is_ok());
    assert_eq!(account_token(&app, &a).await, first);
    assert_ne!(account_token(&app, &b).await, first);
    app.client
        .get("/v1/billing/me/store-account")
        .send()
        .await
        .assert_status(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_store_product_sold_at_two_prices_is_refused() {
    let app = haven_app::testing::app().await;
    let admin = app.admin().await;
    store_plan(&app, &admin, "apple.one", "play_one").await;
    let product =
        crate::support::create_product(&app, &admin, "other", crate::support::premium()).await;
    let resp = crate::support::send(
        &app,
        &admin,
        poem::http::Method::POST,
        &format!(
            "/v1/billing/admin/products/{}/prices",
            product["id"].as_str().unwrap()
        ),
        Some(
            json!({"amount_minor": 1, "currency": "USD", "interval": "month",
                    "app_store_product_id": "apple.one"}),
        ),
    )
    .await;
    resp.assert_problem(StatusCode::CONFLICT, "store_product_taken")
        .await;
}
