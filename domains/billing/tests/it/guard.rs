//! The role guard on every billing admin operation: an admin demoted after their token
//! was issued is refused at once with `role_revoked`, and no billing table changes. The
//! operations come from the OpenAPI document, so a new one fails here until
//! [`body_of`] knows how to call it. A member's operations that move money or grant
//! rights check the live account too: a member disabled after their token was issued is
//! refused.

use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::http::problem::GUARDED_403;
use haven_platform::testing::{AssertProblem, TestApp};
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{app, create_price, create_product, json_of, premium, send};

fn body_of(id: &str, product: &str) -> Option<Value> {
    match id {
        "billingListProducts"
        | "billingGetProduct"
        | "billingMemberEntitlements"
        | "billingMemberLedger"
        | "billingListPromoCodes"
        | "billingGetEmployerContract"
        | "billingEmployerWaitlist" => None,
        "billingCreateProduct" => Some(
            json!({"code": "rogue", "name": "Rogue", "description": null,
                                              "features": premium()}),
        ),
        "billingUpdateProduct" => Some(json!({"name": "Renamed"})),
        "billingReplaceProductFeatures" => {
            Some(json!({"content_premium": false, "care_coaching": true,
                                                       "care_therapy": null, "care_psychiatry": null}))
        }
        "billingCreatePrice" => Some(
            json!({"amount_minor": 1, "currency": "USD", "interval": "month",
                                            "trial_days": null, "stripe_price_id": null}),
        ),
        "billingUpdatePrice" => Some(json!({"active": false})),
        "billingAdminGrant" => Some(json!({"feature": "content.premium", "quota": null,
                                           "valid_until": null, "reason": "rogue"})),
        "billingAdminRevokeGrant" => Some(json!({"reason": "rogue"})),
        "billingCreatePromoCode" => Some(
            json!({"code": "ROGUE", "kind": "free_period", "percent_off": null,
                                                "amount_off_minor": null, "currency": null,
                                                "stripe_coupon_id": null, "product_id": product,
                                                "free_days": 5, "expires_at": null, "max_redemptions": null}),
        ),
        "billingSetEmployerContract" => Some(json!({"product_id": product, "seats": 3})),
        other => panic!("{other} is behind the role guard: add its request to body_of"),
    }
}

async fn billing_rows(app: &TestApp) -> Vec<i64> {
    app.ctx
        .db
        .run(|conn| {
            use haven_billing::schema::*;
            Ok::<_, DbError>(vec![
                billing_products::table.count().get_result(conn)?,
                billing_products::table
                    .filter(billing_products::name.eq("Renamed"))
                    .count()
                    .get_result(conn)?,
                billing_product_features::table.count().get_result(conn)?,
                billing_prices::table.count().get_result(conn)?,
                billing_prices::table
                    .filter(billing_prices::active.eq(false))
                    .count()
                    .get_result(conn)?,
                billing_grants::table.count().get_result(conn)?,
                billing_grants::table
                    .filter(billing_grants::revoked_at.is_not_null())
                    .count()
                    .get_result(conn)?,
                billing_promo_codes::table.count().get_result(conn)?,
                billing_employer_contracts::table.count().get_result(conn)?,
                billing_ledger_entries::table.count().get_result(conn)?,
            ])
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_demoted_admin_is_refused_on_every_billing_admin_operation_and_nothing_changes() {
    let app = app().await;
    let boss = app.admin().await;
    let target = app.admin().await;
    let member = app.member().await;
    let product = create_product(&app, &boss, "premium", premium()).await;
    let product_id = product["id"].as_str().unwrap().to_owned();
    let price = create_price(&app, &boss, &product_id, None).await;
    let grant = json_of(
        send(&app, &boss, Method::POST, &format!("/v1/billing/admin/members/{}/grants", member.user_id),
             Some(json!({"feature": "care.coaching", "quota": null, "valid_until": null, "reason": "test"}))).await,
        StatusCode::CREATED,
    )
    .await;
    let resp = send(
        &app,
        &boss,
        Method::PUT,
        &format!("/v1/identity/admin/users/{}/roles", target.user_id),
        Some(json!({"roles": ["member"]})),
    )
    .await;
    assert!(resp.0.status().is_success(), "demote: {}", resp.0.status());
    let before = billing_rows(&app).await;

    let spec: Value = serde_json::from_str(&app.spec_json).unwrap();
    let mut checked = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        if !path.starts_with("/v1/billing/admin/") {
            continue;
        }
        for (method, op) in item.as_object().unwrap() {
            if op["responses"]["403"]["description"] != GUARDED_403 {
                continue;
            }
            let id = op["operationId"].as_str().unwrap();
            let url = path
                .replace("{product_id}", &product_id)
                .replace("{price_id}", price["id"].as_str().unwrap())
                .replace("{user_id}", &member.user_id)
                .replace("{grant_id}", grant["id"].as_str().unwrap())
                .replace("{organization_id}", "org_01jh0000000000000000000000");
            let method: Method = method.to_uppercase().parse().unwrap();
            let resp = send(&app, &target, method, &url, body_of(id, &product_id)).await;
            resp.assert_problem(StatusCode::FORBIDDEN, "role_revoked")
                .await;
            checked += 1;
        }
    }
    assert_eq!(checked, 16);
    assert_eq!(billing_rows(&app).await, before);
}

#[tokio::test]
async fn a_member_disabled_after_login_cannot_check_out_open_the_portal_or_redeem() {
    let app = app().await;
    let boss = app.admin().await;
    let member = app.member().await;
    let product = create_product(&app, &boss, "premium", premium()).await;
    let price = create_price(&app, &boss, product["id"].as_str().unwrap(), None).await;
    let resp = send(
        &app,
        &boss,
        Method::POST,
        &format!("/v1/identity/admin/users/{}/disable", member.user_id),
        None,
    )
    .await;
    assert!(resp.0.status().is_success(), "disable: {}", resp.0.status());
    let before = billing_rows(&app).await;

    for (path, body) in [
        (
            "/v1/billing/checkout",
            Some(json!({"price_id": price["id"]})),
        ),
        ("/v1/billing/me/portal", None),
        (
            "/v1/billing/me/promo-redemptions",
            Some(json!({"code": "ANY"})),
        ),
    ] {
        send(&app, &member, Method::POST, path, body)
            .await
            .assert_problem(StatusCode::FORBIDDEN, "account_disabled")
            .await;
    }
    assert_eq!(billing_rows(&app).await, before);
}
