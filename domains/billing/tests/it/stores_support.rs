//! The app stores in tests: a throw-away PKI (root, intermediate, leaf built with rcgen)
//! signing App Store notifications, an RSA key (generated for these tests, not Google's)
//! signing Pub/Sub OIDC tokens, a local stand-in for the Play Developer API, and the
//! footprint of a delivery in the database.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chrono::Utc;
use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::testing::{SignedIn, TestApp};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use poem::http::StatusCode;
use poem::listener::{Acceptor, Listener, TcpListener};
use poem::test::TestResponse;
use poem::web::{Data, Path};
use poem::{EndpointExt, IntoResponse, Request, Response, Route, Server, get, handler};
use rcgen::{
    BasicConstraints, CertificateParams, CustomExtension, DnType, IsCa, Issuer, KeyPair,
    PKCS_ECDSA_P256_SHA256, PKCS_ECDSA_P384_SHA384, date_time_ymd,
};
use serde_json::{Value, json};

use crate::support::{create_product, json_of, premium, send};

/// Our test app's bundle id.
pub const BUNDLE: &str = "health.haven.test";
/// Our test app's package name on Google Play.
pub const PACKAGE: &str = "health.haven.test";
/// The OIDC audience of the push subscription.
pub const AUDIENCE: &str = "https://haven.test/v1/billing/webhooks/play";
/// The service account Pub/Sub signs as.
pub const PUSHER: &str = "pubsub-push@haven-test.iam.gserviceaccount.com";
/// The Play API bearer token.
pub const PLAY_TOKEN: &str = "ya29.test-service-account";

const LEAF_MARKER: &[u64] = &[1, 2, 840, 113_635, 100, 6, 11, 1];
const INTERMEDIATE_MARKER: &[u64] = &[1, 2, 840, 113_635, 100, 6, 2, 1];

/// How the test PKI deviates from a good one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flaws {
    /// The leaf's validity ended in 2020.
    pub leaf_expired: bool,
    /// The leaf lacks Apple's marker extension.
    pub leaf_unmarked: bool,
}

/// A root, an intermediate and a leaf signing key.
pub struct Pki {
    /// The root, PEM (what the app is configured to trust).
    pub root_pem: String,
    x5c: Vec<String>,
    leaf_key: EncodingKey,
}

fn ca_params(name: &str) -> CertificateParams {
    let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
    p.distinguished_name.push(DnType::CommonName, name);
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p
}

impl Pki {
    /// A good PKI.
    pub fn new() -> Self {
        Self::with(Flaws::default())
    }

    /// A PKI with `flaws`.
    pub fn with(flaws: Flaws) -> Self {
        let root_key = KeyPair::generate_for(&PKCS_ECDSA_P384_SHA384).unwrap();
        let root_params = ca_params("Test Root CA - G3");
        let root = root_params.self_signed(&root_key).unwrap();
        let root_issuer = Issuer::new(root_params, root_key);

        let int_key = KeyPair::generate_for(&PKCS_ECDSA_P384_SHA384).unwrap();
        let mut int_params = ca_params("Test Worldwide Developer Relations");
        int_params
            .custom_extensions
            .push(CustomExtension::from_oid_content(
                INTERMEDIATE_MARKER,
                vec![5, 0],
            ));
        let intermediate = int_params.signed_by(&int_key, &root_issuer).unwrap();
        let int_issuer = Issuer::new(int_params, int_key);

        let leaf_key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
        let mut leaf_params = CertificateParams::new(Vec::<String>::new()).unwrap();
        leaf_params
            .distinguished_name
            .push(DnType::CommonName, "Test Mac App Store Receipt Signing");
        if !flaws.leaf_unmarked {
            leaf_params
                .custom_extensions
                .push(CustomExtension::from_oid_content(LEAF_MARKER, vec![5, 0]));
        }
        if flaws.leaf_expired {
            leaf_params.not_before = date_time_ymd(2019, 1, 1);
            leaf_params.not_after = date_time_ymd(2020, 1, 1);
        }
        let leaf = leaf_params.signed_by(&leaf_key, &int_issuer).unwrap();
        Self {
            root_pem: root.pem(),
            x5c: [leaf.der(), intermediate.der(), root.der()]
                .iter()
                .map(|d| STANDARD.encode(d.as_ref()))
                .collect(),
            leaf_key: EncodingKey::from_ec_der(&leaf_key.serialize_der()),
        }
    }

    /// `claims` as signed data (ES256, x5c leaf first).
    pub fn sign(&self, claims: &Value) -> String {
        let mut header = Header::new(Algorithm::ES256);
        header.x5c = Some(self.x5c.clone());
        jsonwebtoken::encode(&header, claims, &self.leaf_key).unwrap()
    }

    /// `claims` under a header with `alg` (the signature is ES256's).
    pub fn sign_claiming(&self, alg: &str, claims: &Value) -> String {
        let good = self.sign(claims);
        let rest = good.split_once('.').unwrap().1;
        let header = json!({"alg": alg, "x5c": self.x5c});
        format!("{}.{rest}", URL_SAFE_NO_PAD.encode(header.to_string()))
    }
}

/// The app with App Store notifications trusting `root_pem`.
pub async fn app_store_app(root_pem: &str) -> TestApp {
    let pem = root_pem.to_owned();
    haven_app::testing::builder()
        .settings(move |s| {
            s.billing.app_store_root_ca_pem = Some(pem);
            s.billing.app_store_bundle_id = Some(BUNDLE.to_owned());
            s.billing.app_store_environment = "Sandbox".to_owned();
        })
        .build(haven_app::wiring::build_app)
        .await
}

/// Posts `body` to the App Store webhook.
pub async fn deliver_app_store(app: &TestApp, body: &Value) -> TestResponse {
    app.client
        .post("/v1/billing/webhooks/app-store")
        .content_type("application/json")
        .body(body.to_string())
        .send()
        .await
}

/// The member's account token.
pub async fn account_token(app: &TestApp, member: &SignedIn) -> String {
    let body = json_of(
        member.get(app, "/v1/billing/me/store-account").send().await,
        StatusCode::OK,
    )
    .await;
    body["account_token"].as_str().unwrap().to_owned()
}

/// A premium product with a price sold as `app_store` in the App Store and `play` on
/// Google Play.
pub async fn store_plan(app: &TestApp, admin: &SignedIn, app_store: &str, play: &str) -> Value {
    let product = create_product(app, admin, "premium", premium()).await;
    let resp = send(
        app,
        admin,
        poem::http::Method::POST,
        &format!(
            "/v1/billing/admin/products/{}/prices",
            product["id"].as_str().unwrap()
        ),
        Some(
            json!({"amount_minor": 999, "currency": "USD", "interval": "month",
                    "trial_days": null, "stripe_price_id": null,
                    "app_store_product_id": app_store, "play_product_id": play}),
        ),
    )
    .await;
    json_of(resp, StatusCode::CREATED).await
}

/// Rows in the tables a store notification may touch: inbox, subscriptions, grants,
/// outbox events.
pub async fn footprint(app: &TestApp) -> [i64; 4] {
    app.ctx
        .db
        .run(|conn| {
            use haven_billing::schema::{
                billing_grants, billing_subscriptions, billing_webhook_events,
            };
            use haven_platform::schema::platform_outbox_events;
            Ok::<_, DbError>([
                billing_webhook_events::table.count().get_result(conn)?,
                billing_subscriptions::table.count().get_result(conn)?,
                billing_grants::table.count().get_result(conn)?,
                platform_outbox_events::table
                    .filter(platform_outbox_events::event_type.like("billing.%"))
                    .count()
                    .get_result(conn)?,
            ])
        })
        .await
        .unwrap()
}

/// Whether the member may use `feature` now.
pub async fn allowed(app: &TestApp, member: &SignedIn, feature: &str) -> bool {
    let body = json_of(
        member.get(app, "/v1/billing/me/entitlements").send().await,
        StatusCode::OK,
    )
    .await;
    body["entitlements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["feature"] == feature)
        .unwrap()["allowed"]
        == true
}

/// The member's first subscription.
pub async fn my_subscription(app: &TestApp, member: &SignedIn) -> Value {
    let page = json_of(
        member.get(app, "/v1/billing/me/subscriptions").send().await,
        StatusCode::OK,
    )
    .await;
    page["items"][0].clone()
}

/// The `status` of a `200` answer.
pub async fn status_of(resp: TestResponse) -> String {
    json_of(resp, StatusCode::OK).await["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Now in Unix milliseconds.
pub fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

// --- Google Play ---

/// An OIDC token as Pub/Sub would send, signed by `key_pem` (kid `test-key-1`), with
/// `claims` merged over good ones.
pub fn oidc(key_pem: &str, overrides: Value) -> String {
    let now = Utc::now().timestamp();
    let mut claims = json!({"aud": AUDIENCE, "iss": "https://accounts.google.com",
        "email": PUSHER, "email_verified": true, "sub": "1234", "iat": now, "exp": now + 3600});
    for (k, v) in overrides.as_object().unwrap() {
        claims[k] = v.clone();
    }
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("test-key-1".to_owned());
    let key = EncodingKey::from_rsa_pem(key_pem.as_bytes()).unwrap();
    jsonwebtoken::encode(&header, &claims, &key).unwrap()
}

/// Google's test signing key.
pub const GOOGLE_KEY: &str = include_str!("../fixtures/play_google.pem");
/// A key Google never published.
pub const INTRUDER_KEY: &str = include_str!("../fixtures/play_intruder.pem");

/// The app with Play notifications configured against the stand-in at `api_base`.
pub async fn play_app(api_base: &str) -> TestApp {
    let base = api_base.to_owned();
    haven_app::testing::builder()
        .settings(move |s| {
            s.billing.play_package_name = Some(PACKAGE.to_owned());
            s.billing.play_push_audience = Some(AUDIENCE.to_owned());
            s.billing.play_push_service_account = Some(PUSHER.to_owned());
            s.billing.play_push_jwks = Some(include_str!("../fixtures/play_jwks.json").to_owned());
            s.billing.play_api_base = base;
            s.billing.play_api_token = Some(haven_platform::config::Secret::new(PLAY_TOKEN));
        })
        .build(haven_app::wiring::build_app)
        .await
}

/// A Pub/Sub push of a subscription notification.
pub fn push(message_id: &str, notification_type: i64, token: &str, event_ms: i64) -> Value {
    let data = json!({"version": "1.0", "packageName": PACKAGE,
        "eventTimeMillis": event_ms.to_string(),
        "subscriptionNotification": {"version": "1.0", "notificationType": notification_type,
                                     "purchaseToken": token, "subscriptionId": "premium_monthly"}});
    push_data(message_id, &data)
}

/// A Pub/Sub push carrying `data`.
pub fn push_data(message_id: &str, data: &Value) -> Value {
    json!({"message": {"data": STANDARD.encode(data.to_string()), "messageId": message_id,
                       "publishTime": "2026-11-28T00:00:00Z"},
           "subscription": "projects/haven-test/subscriptions/play-rtdn"})
}

/// Posts `body` to the Play webhook with `bearer` (`None`: no header).
pub async fn deliver_play(app: &TestApp, body: &Value, bearer: Option<&str>) -> TestResponse {
    let mut req = app
        .client
        .post("/v1/billing/webhooks/play")
        .content_type("application/json")
        .body(body.to_string());
    if let Some(t) = bearer {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    req.send().await
}

/// A `SubscriptionPurchaseV2` in `state` for the member `account`, expiring at `expiry`.
pub fn play_state(state: &str, account: &str, expiry: chrono::DateTime<Utc>) -> Value {
    json!({"kind": "androidpublisher#subscriptionPurchaseV2", "regionCode": "US",
        "startTime": (expiry - chrono::Duration::days(30)).to_rfc3339(),
        "subscriptionState": format!("SUBSCRIPTION_STATE_{state}"),
        "latestOrderId": "GPA.1234-5678", "acknowledgementState": "ACKNOWLEDGEMENT_STATE_ACKNOWLEDGED",
        "externalAccountIdentifiers": {"obfuscatedExternalAccountId": account},
        "lineItems": [{"productId": "premium_monthly", "expiryTime": expiry.to_rfc3339(),
                       "autoRenewingPlan": {"autoRenewEnabled": state == "ACTIVE"}}]})
}

/// One request the stand-in received: path and `Authorization` header.
pub type PlayRequest = (String, Option<String>);

/// A local stand-in for the Play Developer API: answers each purchase token with the
/// state set for it (404 for others, 503 when `down`).
#[derive(Debug, Clone, Default)]
pub struct PlayStandIn {
    states: Arc<Mutex<HashMap<String, Value>>>,
    requests: Arc<Mutex<Vec<PlayRequest>>>,
    down: Arc<Mutex<bool>>,
}

#[handler]
fn subscription(
    req: &Request,
    Path((package, token)): Path<(String, String)>,
    stand_in: Data<&PlayStandIn>,
) -> Response {
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    stand_in
        .requests
        .lock()
        .unwrap()
        .push((req.uri().path().to_owned(), auth));
    if *stand_in.down.lock().unwrap() {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    match stand_in.states.lock().unwrap().get(&token) {
        Some(state) if package == PACKAGE => poem::web::Json(state.clone()).into_response(),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

impl PlayStandIn {
    /// Starts it on a free local port; its base URL.
    pub async fn start(&self) -> String {
        let acceptor = TcpListener::bind("127.0.0.1:0")
            .into_acceptor()
            .await
            .unwrap();
        let addr = acceptor.local_addr()[0].as_socket_addr().copied().unwrap();
        let app = Route::new()
            .at(
                "/androidpublisher/v3/applications/:package/purchases/subscriptionsv2/tokens/:token",
                get(subscription),
            )
            .data(self.clone());
        tokio::spawn(Server::new_with_acceptor(acceptor).run(app));
        format!("http://{addr}")
    }

    /// Google's state of `token` from now on.
    pub fn set(&self, token: &str, state: Value) {
        self.states.lock().unwrap().insert(token.to_owned(), state);
    }

    /// Makes the API answer 503 (or recover).
    pub fn set_down(&self, down: bool) {
        *self.down.lock().unwrap() = down;
    }

    /// What it received.
    pub fn received(&self) -> Vec<PlayRequest> {
        self.requests.lock().unwrap().clone()
    }
}
