//! Promo codes (issue 12 point 8): free periods granted through the ledger, discounts
//! passed to the next checkout, once per member, expiry, and a total limit that
//! concurrent redemptions never exceed.

use diesel::prelude::*;
use haven_billing::BillingService;
use haven_billing::promo::error::RedeemError;
use haven_platform::DbError;
use haven_platform::ids::UserId;
use haven_platform::testing::{AssertProblem, Service, SignedIn, TestApp, require_service};
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::stripe_support::{StripeStandIn, stripe_app};
use crate::support::{app, create_price, create_product, json_of, premium, send};

async fn create_promo(app: &TestApp, admin: &SignedIn, body: Value) -> Value {
    let resp = send(
        app,
        admin,
        Method::POST,
        "/v1/billing/admin/promo-codes",
        Some(body),
    )
    .await;
    json_of(resp, StatusCode::CREATED).await
}

fn free_period(code: &str, product: &str, max: Option<i64>) -> Value {
    json!({"code": code, "kind": "free_period", "percent_off": null, "amount_off_minor": null,
           "currency": null, "stripe_coupon_id": null, "product_id": product, "free_days": 30,
           "expires_at": null, "max_redemptions": max})
}

async fn redeem(app: &TestApp, member: &SignedIn, code: &str) -> poem::test::TestResponse {
    send(
        app,
        member,
        Method::POST,
        "/v1/billing/me/promo-redemptions",
        Some(json!({"code": code})),
    )
    .await
}

async fn redeemed_count(app: &TestApp) -> i64 {
    app.ctx
        .db
        .run(|conn| {
            use haven_billing::schema::billing_promo_codes as p;
            p::table
                .select(p::redeemed_count)
                .first::<i64>(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_free_period_is_granted_once_per_member_up_to_the_limit() {
    let app = app().await;
    let admin = app.admin().await;
    let product = create_product(&app, &admin, "premium", premium()).await;
    let promo = create_promo(
        &app,
        &admin,
        free_period("Free-30", product["id"].as_str().unwrap(), Some(2)),
    )
    .await;
    assert_eq!(promo["code"], "FREE-30");
    assert_eq!(promo["redeemed_count"], 0);

    let first = app.member().await;
    let resp = redeem(&app, &first, "free-30").await;
    let r = json_of(resp, StatusCode::CREATED).await;
    assert_eq!(r["kind"], "free_period");
    assert!(r["granted_until"].is_string());
    let me = json_of(
        first.get(&app, "/v1/billing/me/entitlements").send().await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(me["grants"][0]["source"], "promo");
    assert_eq!(me["grants"][0]["source_ref"], r["id"]);
    assert_eq!(me["grants"][0]["valid_until"], r["granted_until"]);
    redeem(&app, &first, "FREE-30")
        .await
        .assert_problem(StatusCode::CONFLICT, "promo_code_already_redeemed")
        .await;

    let second = app.member().await;
    json_of(redeem(&app, &second, "FREE-30").await, StatusCode::CREATED).await;
    let third = app.member().await;
    redeem(&app, &third, "FREE-30")
        .await
        .assert_problem(StatusCode::CONFLICT, "promo_code_exhausted")
        .await;
    redeem(&app, &third, "NOPE-1")
        .await
        .assert_problem(StatusCode::NOT_FOUND, "promo_code_not_found")
        .await;
    assert_eq!(redeemed_count(&app).await, 2);
    let third_me = json_of(
        third.get(&app, "/v1/billing/me/entitlements").send().await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(third_me["grants"], json!([]));
}

#[tokio::test]
async fn terms_must_fit_the_kind_and_expired_codes_are_refused() {
    let app = app().await;
    let admin = app.admin().await;
    let resp = send(
        &app,
        &admin,
        Method::POST,
        "/v1/billing/admin/promo-codes",
        Some(json!({"code": "HALF", "kind": "percent_off", "percent_off": null, "amount_off_minor": 100,
                    "currency": "USD", "stripe_coupon_id": null, "product_id": null, "free_days": null,
                    "expires_at": null, "max_redemptions": null})),
    )
    .await;
    let body = resp
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "promo_terms_invalid")
        .await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["percent_off", "amount_off_minor", "stripe_coupon_id"]
    );

    let promo = json!({"code": "HALF", "kind": "percent_off", "percent_off": 50, "amount_off_minor": null,
                       "currency": null, "stripe_coupon_id": "cpn_half", "product_id": null, "free_days": null,
                       "expires_at": "2099-01-01T00:00:00Z", "max_redemptions": null});
    create_promo(&app, &admin, promo.clone()).await;
    let resp = send(
        &app,
        &admin,
        Method::POST,
        "/v1/billing/admin/promo-codes",
        Some(promo),
    )
    .await;
    resp.assert_problem(StatusCode::CONFLICT, "promo_code_taken")
        .await;

    app.ctx
        .db
        .run(|conn| {
            use haven_billing::schema::billing_promo_codes as p;
            diesel::update(p::table)
                .set(p::expires_at.eq(Some(
                    chrono::Utc::now().naive_utc() - chrono::Duration::days(1),
                )))
                .execute(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    let member = app.member().await;
    redeem(&app, &member, "half")
        .await
        .assert_problem(StatusCode::CONFLICT, "promo_code_expired")
        .await;
    assert_eq!(redeemed_count(&app).await, 0);
}

#[tokio::test]
async fn a_redeemed_discount_is_passed_to_the_next_checkout_only() {
    let stand_in = StripeStandIn::default();
    let base = stand_in.start().await;
    let app = stripe_app(&base).await;
    let admin = app.admin().await;
    let member = app.member().await;
    let product = create_product(&app, &admin, "premium", premium()).await;
    let price = create_price(
        &app,
        &admin,
        product["id"].as_str().unwrap(),
        Some("price_premium"),
    )
    .await;
    create_promo(
        &app,
        &admin,
        json!({"code": "SPRING", "kind": "percent_off", "percent_off": 20, "amount_off_minor": null,
               "currency": null, "stripe_coupon_id": "cpn_spring", "product_id": null, "free_days": null,
               "expires_at": null, "max_redemptions": null}),
    )
    .await;
    let r = json_of(redeem(&app, &member, "spring").await, StatusCode::CREATED).await;
    assert_eq!(r["kind"], "percent_off");
    assert!(r["granted_until"].is_null());
    for key in ["k-1", "k-2"] {
        let resp = member
            .post(
                &app,
                "/v1/billing/checkout",
                &json!({"price_id": price["id"]}),
            )
            .header("idempotency-key", key)
            .send()
            .await;
        json_of(resp, StatusCode::CREATED).await;
    }
    let sent = stand_in.received();
    assert_eq!(
        sent[0].form.get("discounts[0][coupon]").map(String::as_str),
        Some("cpn_spring")
    );
    assert!(!sent[1].form.contains_key("discounts[0][coupon]"));
}

#[tokio::test]
async fn concurrent_redemptions_never_exceed_the_limit_on_postgres() {
    if require_service(Service::Postgres).is_none() {
        return;
    }
    let app = haven_app::testing::builder()
        .settings(|s| s.database.pool_max = 24)
        .build(haven_app::wiring::build_app)
        .await;
    let admin = app.admin().await;
    let product = create_product(&app, &admin, "premium", premium()).await;
    create_promo(
        &app,
        &admin,
        free_period("RUSH", product["id"].as_str().unwrap(), Some(5)),
    )
    .await;
    let billing = BillingService::new(&app.ctx);
    let tasks: Vec<_> = (0..40)
        .map(|_| {
            let billing = billing.clone();
            tokio::spawn(async move { billing.redeem(&UserId::new(), "RUSH").await })
        })
        .collect();
    let mut won = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => won += 1,
            Err(RedeemError::Exhausted) => {}
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    assert_eq!(won, 5);
    assert_eq!(redeemed_count(&app).await, 5);
    let redemptions: i64 = app
        .ctx
        .db
        .run(|conn| {
            use haven_billing::schema::billing_promo_redemptions as r;
            r::table.count().get_result(conn).map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(redemptions, 5);
}
