//! Helpers shared by the billing tests.

use haven_platform::testing::{SignedIn, TestApp};
use poem::http::{Method, StatusCode};
use poem::test::TestResponse;
use serde_json::{Value, json};

/// The real app on a fresh database.
pub async fn app() -> TestApp {
    haven_app::testing::app().await
}

/// `method path` as `who` with an optional JSON body and a fresh idempotency key.
pub async fn send(
    app: &TestApp,
    who: &SignedIn,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> TestResponse {
    let mut req = who.request(app, method.clone(), path);
    if method == Method::POST {
        req = req.header(
            "idempotency-key",
            haven_platform::ids::UserId::new().to_string(),
        );
    }
    if let Some(body) = body {
        req = req.body_json(&body);
    }
    req.send().await
}

/// The JSON body of `resp`, asserting its status.
pub async fn json_of(resp: TestResponse, status: StatusCode) -> Value {
    let actual = resp.0.status();
    let bytes = resp.0.into_body().into_vec().await.unwrap();
    let body: Value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    assert_eq!(actual, status, "{body}");
    body
}

/// Creates a product through the API; its JSON.
pub async fn create_product(app: &TestApp, admin: &SignedIn, code: &str, features: Value) -> Value {
    let resp = send(
        app,
        admin,
        Method::POST,
        "/v1/billing/admin/products",
        Some(json!({"code": code, "name": format!("Plan {code}"), "description": null, "features": features})),
    )
    .await;
    json_of(resp, StatusCode::CREATED).await
}

/// Adds a price to a product through the API; its JSON.
pub async fn create_price(
    app: &TestApp,
    admin: &SignedIn,
    product_id: &str,
    stripe_price_id: Option<&str>,
) -> Value {
    let resp = send(
        app,
        admin,
        Method::POST,
        &format!("/v1/billing/admin/products/{product_id}/prices"),
        Some(
            json!({"amount_minor": 999, "currency": "USD", "interval": "month",
                    "trial_days": null, "stripe_price_id": stripe_price_id}),
        ),
    )
    .await;
    json_of(resp, StatusCode::CREATED).await
}

/// Features granting premium content only.
pub fn premium() -> Value {
    json!({"content_premium": true, "care_coaching": false, "care_therapy": null, "care_psychiatry": null})
}

/// Features granting therapy sessions.
pub fn therapy(quota: i64) -> Value {
    json!({"content_premium": false, "care_coaching": false, "care_therapy": quota, "care_psychiatry": null})
}
