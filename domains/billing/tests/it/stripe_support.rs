//! Stripe in tests: signed webhook deliveries and a local stand-in for Stripe's API that
//! records what it was sent.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::Utc;
use haven_billing::stripe::signature::sign;
use haven_platform::testing::TestApp;
use poem::listener::{Acceptor, Listener, TcpListener};
use poem::test::TestResponse;
use poem::web::{Data, Form, Json};
use poem::{EndpointExt, IntoResponse, Request, Route, Server, handler, post};
use serde_json::{Value, json};

/// The webhook secret tests sign with (the second of the rotation list).
pub const SECRET: &str = "whsec_test_current";

/// The app with Stripe configured against `api_base`.
pub async fn stripe_app(api_base: &str) -> TestApp {
    let base = api_base.to_owned();
    haven_app::testing::builder()
        .settings(move |s| {
            s.billing.stripe_api_base = base;
            s.billing.stripe_secret_key =
                Some(haven_platform::config::Secret::new("sk_test_haven"));
            s.billing.stripe_webhook_secrets = vec![
                haven_platform::config::Secret::new("whsec_test_previous"),
                haven_platform::config::Secret::new(SECRET),
            ];
        })
        .build(haven_app::wiring::build_app)
        .await
}

/// A `Stripe-Signature` header for `body` signed at `t` with `secret`.
pub fn signature(secret: &str, t: i64, body: &str) -> String {
    format!("t={t},v1={}", sign(secret, &t.to_string(), body.as_bytes()))
}

/// Delivers `body` with `header` as its signature (`None`: no header).
pub async fn deliver_raw(app: &TestApp, body: &str, header: Option<String>) -> TestResponse {
    let mut req = app
        .client
        .post("/v1/billing/webhooks/stripe")
        .content_type("application/json")
        .body(body.to_owned());
    if let Some(h) = header {
        req = req.header("stripe-signature", h);
    }
    req.send().await
}

/// Delivers an event, correctly signed now.
pub async fn deliver(app: &TestApp, event: &Value) -> TestResponse {
    let body = event.to_string();
    let header = signature(SECRET, Utc::now().timestamp(), &body);
    deliver_raw(app, &body, Some(header)).await
}

/// An event envelope.
pub fn event(id: &str, event_type: &str, created: i64, object: Value) -> Value {
    json!({"id": id, "object": "event", "type": event_type, "created": created,
           "livemode": false, "data": {"object": object}})
}

/// A subscription object.
pub fn subscription(id: &str, user: &str, status: &str, price: &str, period_end: i64) -> Value {
    json!({"id": id, "object": "subscription", "customer": "cus_test_1", "status": status,
           "cancel_at_period_end": false, "metadata": {"user_id": user},
           "items": {"data": [{"price": {"id": price},
                               "current_period_start": period_end - 30 * 86_400,
                               "current_period_end": period_end}]}})
}

/// One request the stand-in received.
#[derive(Debug, Clone)]
pub struct Captured {
    /// Request path.
    pub path: String,
    /// Lower-case header names and values.
    pub headers: HashMap<String, String>,
    /// The form fields.
    pub form: HashMap<String, String>,
}

/// A local stand-in for Stripe's API.
#[derive(Debug, Clone, Default)]
pub struct StripeStandIn {
    /// What it received, in order.
    pub requests: Arc<Mutex<Vec<Captured>>>,
    /// How many of the next subscription updates answer `503` (an outage).
    pub fail_updates: Arc<std::sync::atomic::AtomicUsize>,
}

#[handler]
fn sessions(
    req: &Request,
    Form(form): Form<HashMap<String, String>>,
    seen: Data<&StripeStandIn>,
) -> poem::Response {
    let headers = req
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    let path = req.uri().path().to_owned();
    seen.requests.lock().unwrap().push(Captured {
        path: path.clone(),
        headers,
        form,
    });
    if let Some(id) = path.strip_prefix("/v1/subscriptions/") {
        let failing = seen
            .fail_updates
            .fetch_update(
                std::sync::atomic::Ordering::SeqCst,
                std::sync::atomic::Ordering::SeqCst,
                |n| n.checked_sub(1),
            )
            .is_ok();
        if failing {
            return poem::Response::builder()
                .status(poem::http::StatusCode::SERVICE_UNAVAILABLE)
                .body(json!({"error": {"type": "api_error"}}).to_string());
        }
        return Json(json!({"id": id, "object": "subscription", "cancel_at_period_end": true}))
            .into_response();
    }
    if path.ends_with("/checkout/sessions") {
        Json(json!({"id": "cs_test_1", "object": "checkout.session",
                    "url": "https://checkout.stripe.test/c/cs_test_1"}))
        .into_response()
    } else {
        Json(
            json!({"id": "bps_test_1", "object": "billing_portal.session",
                    "url": "https://billing.stripe.test/p/bps_test_1"}),
        )
        .into_response()
    }
}

impl StripeStandIn {
    /// Starts it on a free local port; its base URL.
    pub async fn start(&self) -> String {
        let acceptor = TcpListener::bind("127.0.0.1:0")
            .into_acceptor()
            .await
            .unwrap();
        let addr = acceptor.local_addr()[0].as_socket_addr().copied().unwrap();
        let app = Route::new()
            .at("/v1/checkout/sessions", post(sessions))
            .at("/v1/billing_portal/sessions", post(sessions))
            .at("/v1/subscriptions/:id", post(sessions))
            .data(self.clone());
        tokio::spawn(Server::new_with_acceptor(acceptor).run(app));
        format!("http://{addr}")
    }

    /// What it received.
    pub fn received(&self) -> Vec<Captured> {
        self.requests.lock().unwrap().clone()
    }
}
