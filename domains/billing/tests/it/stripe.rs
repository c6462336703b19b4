//! Stripe (issue 12 points 3 and 4): checkout and the portal against a local stand-in
//! that checks the request shape; webhooks verified, stored in the inbox, applied to the
//! state machine and the ledger in order of the provider's time, and refused with no
//! side effect.

use chrono::Utc;
use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::testing::{AssertProblem, SignedIn, TestApp};
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::ledger::{history, ledger_events};
use crate::stripe_support::{
    SECRET, StripeStandIn, deliver, deliver_raw, event, signature, stripe_app, subscription,
};
use crate::support::{create_price, create_product, json_of, premium, send};

/// Rows in the tables a webhook may touch: inbox, subscriptions, customers, grants,
/// outbox events.
async fn footprint(app: &TestApp) -> [i64; 5] {
    app.ctx
        .db
        .run(|conn| {
            use haven_billing::schema::{
                billing_customers, billing_grants, billing_subscriptions, billing_webhook_events,
            };
            use haven_platform::schema::platform_outbox_events;
            Ok::<_, DbError>([
                billing_webhook_events::table.count().get_result(conn)?,
                billing_subscriptions::table.count().get_result(conn)?,
                billing_customers::table.count().get_result(conn)?,
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

async fn premium_plan(app: &TestApp, admin: &SignedIn) -> Value {
    let product = create_product(app, admin, "premium", premium()).await;
    create_price(
        app,
        admin,
        product["id"].as_str().unwrap(),
        Some("price_premium"),
    )
    .await
}

async fn allowed(app: &TestApp, member: &SignedIn, feature: &str) -> bool {
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

async fn my_subscription(app: &TestApp, member: &SignedIn) -> Value {
    let page = json_of(
        member.get(app, "/v1/billing/me/subscriptions").send().await,
        StatusCode::OK,
    )
    .await;
    page["items"][0].clone()
}

async fn ok(resp: poem::test::TestResponse) -> String {
    json_of(resp, StatusCode::OK).await["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_subscription_event_grants_its_products_features_and_a_redelivery_is_a_no_op() {
    let app = stripe_app("http://127.0.0.1:9").await;
    let admin = app.admin().await;
    let member = app.member().await;
    premium_plan(&app, &admin).await;
    let now = Utc::now().timestamp();
    let created = event(
        "evt_1",
        "customer.subscription.created",
        now,
        subscription(
            "sub_1",
            &member.user_id,
            "active",
            "price_premium",
            now + 30 * 86_400,
        ),
    );
    assert_eq!(ok(deliver(&app, &created).await).await, "applied");
    assert!(allowed(&app, &member, "content.premium").await);
    let sub = my_subscription(&app, &member).await;
    assert_eq!(sub["status"], "active");
    assert_eq!(sub["provider"], "stripe");
    let before = footprint(&app).await;
    let entries = history(&app, &member.user_id).await;

    assert_eq!(ok(deliver(&app, &created).await).await, "duplicate");
    assert_eq!(footprint(&app).await, before);
    assert_eq!(history(&app, &member.user_id).await, entries);
}

#[tokio::test]
async fn out_of_order_events_end_in_the_providers_latest_state() {
    let app = stripe_app("http://127.0.0.1:9").await;
    let admin = app.admin().await;
    let member = app.member().await;
    premium_plan(&app, &admin).await;
    let t = Utc::now().timestamp();
    let end = t + 30 * 86_400;
    let sub = |status: &str| subscription("sub_2", &member.user_id, status, "price_premium", end);
    // Delivered newest first: the deletion (t+30), a renewal (t+20), the creation (t+10).
    let deleted = event(
        "evt_del",
        "customer.subscription.deleted",
        t + 30,
        sub("canceled"),
    );
    let paid = event(
        "evt_paid",
        "invoice.paid",
        t + 20,
        json!({"id": "in_1", "subscription": "sub_2", "lines": {"data": [{"period": {"end": end + 30 * 86_400}}]}}),
    );
    let created = event(
        "evt_new",
        "customer.subscription.created",
        t + 10,
        sub("active"),
    );
    assert_eq!(ok(deliver(&app, &deleted).await).await, "applied");
    assert_eq!(ok(deliver(&app, &paid).await).await, "stale");
    assert_eq!(ok(deliver(&app, &created).await).await, "stale");
    assert_eq!(my_subscription(&app, &member).await["status"], "expired");
    assert!(!allowed(&app, &member, "content.premium").await);
}

#[tokio::test]
async fn a_failed_payment_keeps_access_through_the_grace_period_and_a_refund_ends_it() {
    let app = stripe_app("http://127.0.0.1:9").await;
    let admin = app.admin().await;
    let member = app.member().await;
    premium_plan(&app, &admin).await;
    let t = Utc::now().timestamp();
    let completed = event(
        "evt_co",
        "checkout.session.completed",
        t,
        json!({"id": "cs_1", "customer": "cus_test_1", "client_reference_id": member.user_id, "subscription": "sub_3"}),
    );
    assert_eq!(ok(deliver(&app, &completed).await).await, "applied");
    // The period already ended: only the grace period keeps access.
    let created = event(
        "evt_c",
        "customer.subscription.created",
        t + 1,
        subscription("sub_3", &member.user_id, "active", "price_premium", t - 10),
    );
    ok(deliver(&app, &created).await).await;
    assert!(!allowed(&app, &member, "content.premium").await);
    let failed = event(
        "evt_f",
        "invoice.payment_failed",
        t + 2,
        json!({"id": "in_2", "parent": {"subscription_details": {"subscription": "sub_3"}}}),
    );
    assert_eq!(ok(deliver(&app, &failed).await).await, "applied");
    let sub = my_subscription(&app, &member).await;
    assert_eq!(sub["status"], "past_due");
    assert!(sub["grace_until"].is_string());
    assert!(allowed(&app, &member, "content.premium").await);

    let partial = event(
        "evt_r0",
        "charge.refunded",
        t + 3,
        json!({"id": "ch_1", "customer": "cus_test_1", "refunded": false}),
    );
    assert_eq!(ok(deliver(&app, &partial).await).await, "ignored");
    let refunded = event(
        "evt_r1",
        "charge.refunded",
        t + 4,
        json!({"id": "ch_1", "customer": "cus_test_1", "refunded": true}),
    );
    assert_eq!(ok(deliver(&app, &refunded).await).await, "applied");
    assert_eq!(my_subscription(&app, &member).await["status"], "refunded");
    assert!(!allowed(&app, &member, "content.premium").await);
    let actions: Vec<String> = history(&app, &member.user_id)
        .await
        .into_iter()
        .map(|h| h.0)
        .collect();
    assert_eq!(actions.last().map(String::as_str), Some("revoked"));
    assert!(ledger_events(&app).await.len() >= 3);
}

#[tokio::test]
async fn refused_deliveries_are_400_problems_with_no_side_effect_and_unknown_types_200() {
    let app = stripe_app("http://127.0.0.1:9").await;
    let member = app.member().await;
    let now = Utc::now().timestamp();
    let good = event(
        "evt_x",
        "customer.subscription.created",
        now,
        subscription(
            "sub_x",
            &member.user_id,
            "active",
            "price_premium",
            now + 100,
        ),
    )
    .to_string();
    let before = footprint(&app).await;
    let cases: Vec<(String, Option<String>, &str)> = vec![
        (good.clone(), None, "webhook_signature_invalid"),
        (
            good.clone(),
            Some("t=abc".to_owned()),
            "webhook_signature_invalid",
        ),
        (
            good.clone(),
            Some(signature("whsec_wrong", now, &good)),
            "webhook_signature_invalid",
        ),
        (
            good.replace("sub_x", "sub_y"),
            Some(signature(SECRET, now, &good)),
            "webhook_signature_invalid",
        ),
        (
            good.clone(),
            Some(signature(SECRET, now - 301, &good)),
            "webhook_timestamp_out_of_tolerance",
        ),
        (
            good.clone(),
            Some(signature(SECRET, now + 301, &good)),
            "webhook_timestamp_out_of_tolerance",
        ),
        (
            "{not json".to_owned(),
            Some(signature(SECRET, now, "{not json")),
            "webhook_payload_invalid",
        ),
        (
            "{\"id\":\"evt\"}".to_owned(),
            Some(signature(SECRET, now, "{\"id\":\"evt\"}")),
            "webhook_payload_invalid",
        ),
    ];
    for (body, header, code) in cases {
        deliver_raw(&app, &body, header)
            .await
            .assert_problem(StatusCode::BAD_REQUEST, code)
            .await;
    }
    let malformed = event(
        "evt_m",
        "customer.subscription.updated",
        now,
        json!({"id": "sub_z", "status": "sleeping"}),
    );
    deliver(&app, &malformed)
        .await
        .assert_problem(StatusCode::BAD_REQUEST, "webhook_payload_invalid")
        .await;
    assert_eq!(footprint(&app).await, before);

    let unknown = event("evt_u", "customer.created", now, json!({"id": "cus_1"}));
    assert_eq!(ok(deliver(&app, &unknown).await).await, "ignored");
    assert_eq!(footprint(&app).await, before);
    // The previous secret of the rotation list still verifies.
    let body = event("evt_old", "customer.created", now, json!({})).to_string();
    let resp = deliver_raw(
        &app,
        &body,
        Some(signature("whsec_test_previous", now, &body)),
    )
    .await;
    assert_eq!(json_of(resp, StatusCode::OK).await["status"], "ignored");
}

#[tokio::test]
async fn checkout_and_the_portal_call_stripe_with_the_expected_requests() {
    let stand_in = StripeStandIn::default();
    let base = stand_in.start().await;
    let app = stripe_app(&base).await;
    let admin = app.admin().await;
    let member = app.member().await;
    let product = create_product(&app, &admin, "premium", premium()).await;
    let product_id = product["id"].as_str().unwrap();
    let price = create_price(&app, &admin, product_id, Some("price_premium")).await;
    let offline = create_price(&app, &admin, product_id, None).await;

    let resp = member
        .post(
            &app,
            "/v1/billing/checkout",
            &json!({"price_id": offline["id"]}),
        )
        .header("idempotency-key", "k-offline")
        .send()
        .await;
    resp.assert_problem(StatusCode::CONFLICT, "price_not_purchasable")
        .await;
    let resp = member
        .post(
            &app,
            "/v1/billing/checkout",
            &json!({"price_id": haven_billing::PriceId::new()}),
        )
        .header("idempotency-key", "k-missing")
        .send()
        .await;
    resp.assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    assert!(stand_in.received().is_empty());

    let resp = member
        .post(
            &app,
            "/v1/billing/checkout",
            &json!({"price_id": price["id"]}),
        )
        .header("idempotency-key", "k-1")
        .send()
        .await;
    let session = json_of(resp, StatusCode::CREATED).await;
    assert_eq!(
        session,
        json!({"session_id": "cs_test_1", "url": "https://checkout.stripe.test/c/cs_test_1"})
    );
    let sent = stand_in.received();
    assert_eq!(sent.len(), 1);
    let r = &sent[0];
    assert_eq!(r.path, "/v1/checkout/sessions");
    assert_eq!(r.headers["authorization"], "Bearer sk_test_haven");
    assert_eq!(
        r.headers["content-type"],
        "application/x-www-form-urlencoded"
    );
    let key = &r.headers["idempotency-key"];
    assert!(
        key.len() == 64 && key.bytes().all(|b| b.is_ascii_hexdigit()),
        "{key}"
    );
    let f = &r.form;
    assert_eq!(f["mode"], "subscription");
    assert_eq!(f["line_items[0][price]"], "price_premium");
    assert_eq!(f["line_items[0][quantity]"], "1");
    assert_eq!(f["client_reference_id"], member.user_id);
    assert_eq!(f["subscription_data[metadata][user_id]"], member.user_id);
    assert!(f["success_url"].starts_with("http"));
    assert!(!f.contains_key("customer"));

    // A retry replays our answer without calling Stripe again.
    let resp = member
        .post(
            &app,
            "/v1/billing/checkout",
            &json!({"price_id": price["id"]}),
        )
        .header("idempotency-key", "k-1")
        .send()
        .await;
    resp.assert_header("idempotent-replayed", "true");
    assert_eq!(stand_in.received().len(), 1);

    // The portal needs a Stripe customer.
    let resp = send(&app, &member, Method::POST, "/v1/billing/me/portal", None).await;
    resp.assert_problem(StatusCode::NOT_FOUND, "no_billing_account")
        .await;
    let completed = event(
        "evt_co",
        "checkout.session.completed",
        Utc::now().timestamp(),
        json!({"id": "cs_test_1", "customer": "cus_42", "client_reference_id": member.user_id}),
    );
    ok(deliver(&app, &completed).await).await;
    let resp = member
        .request(&app, Method::POST, "/v1/billing/me/portal")
        .send()
        .await;
    resp.assert_header("cache-control", "no-store");
    let portal = json_of(resp, StatusCode::OK).await;
    assert_eq!(portal["url"], "https://billing.stripe.test/p/bps_test_1");
    let sent = stand_in.received();
    assert_eq!(sent[1].path, "/v1/billing_portal/sessions");
    assert_eq!(sent[1].form["customer"], "cus_42");
}

#[tokio::test]
async fn checkout_without_stripe_is_503_with_retry_after() {
    let app = stripe_app("http://127.0.0.1:9").await;
    let admin = app.admin().await;
    let member = app.member().await;
    let price = premium_plan(&app, &admin).await;
    let resp = member
        .post(
            &app,
            "/v1/billing/checkout",
            &json!({"price_id": price["id"]}),
        )
        .header("idempotency-key", "k")
        .send()
        .await;
    resp.assert_header("retry-after", "30");
    resp.assert_problem(
        StatusCode::SERVICE_UNAVAILABLE,
        "payment_provider_unavailable",
    )
    .await;
}

/// Two first deliveries of one new subscription (different event ids) racing: both are
/// 200, one row is stored and it holds the newer event's state.
#[tokio::test]
async fn concurrent_first_deliveries_of_one_subscription_store_one_row_on_postgres() {
    if haven_platform::testing::require_service(haven_platform::testing::Service::Postgres)
        .is_none()
    {
        return;
    }
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.database.pool_max = 24;
            s.billing.stripe_webhook_secrets = vec![haven_platform::config::Secret::new(SECRET)];
        })
        .build(haven_app::wiring::build_app)
        .await;
    let admin = app.admin().await;
    let member = app.member().await;
    premium_plan(&app, &admin).await;
    let t = Utc::now().timestamp();
    let end = t + 30 * 86_400;
    const PAIRS: usize = 12;
    let mut bodies = Vec::new();
    for n in 0..PAIRS {
        let id = format!("sub_race_{n}");
        let created = event(
            &format!("evt_race_new_{n}"),
            "customer.subscription.created",
            t + 10,
            subscription(&id, &member.user_id, "active", "price_premium", end),
        );
        let mut newer = subscription(&id, &member.user_id, "active", "price_premium", end);
        newer["cancel_at_period_end"] = json!(true);
        let updated = event(
            &format!("evt_race_upd_{n}"),
            "customer.subscription.updated",
            t + 20,
            newer,
        );
        bodies.push(created);
        bodies.push(updated);
    }
    let responses = futures_util::future::join_all(bodies.iter().map(|b| deliver(&app, b))).await;
    for resp in responses {
        let status = ok(resp).await;
        assert!(["applied", "stale"].contains(&status.as_str()), "{status}");
    }
    let rows: Vec<(String, bool, String)> = app
        .ctx
        .db
        .run(|conn| {
            use haven_billing::schema::billing_subscriptions as s;
            s::table
                .select((s::provider_ref, s::cancel_at_period_end, s::status))
                .order(s::provider_ref)
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(rows.len(), PAIRS, "one row per subscription: {rows:?}");
    for (r, cancel_at_period_end, status) in rows {
        assert!(cancel_at_period_end, "{r} lost the newer event");
        assert_eq!(status, "canceled", "{r}");
    }
}
