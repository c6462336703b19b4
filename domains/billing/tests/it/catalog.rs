//! The catalog (issue 12 point 1): admins manage products and prices through the guard;
//! members list the plans on sale; `haven seed` adds a demo set once.

use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::ModuleInfo;
use haven_platform::module::Seeded;
use haven_platform::testing::AssertProblem;
use poem::http::{Method, StatusCode};
use serde_json::json;

use crate::support::{app, create_price, create_product, json_of, premium, send, therapy};

#[tokio::test]
async fn admins_create_read_update_and_list_products_with_prices() {
    let app = app().await;
    let admin = app.admin().await;
    let product = create_product(&app, &admin, "eap-six", therapy(6)).await;
    assert_eq!(product["features"]["care_therapy"], 6);
    assert_eq!(product["features"]["content_premium"], false);
    assert_eq!(product["description"], "");
    assert_eq!(product["active"], true);
    let id = product["id"].as_str().unwrap();
    assert!(id.starts_with("prd_"), "{id}");

    let price = create_price(&app, &admin, id, Some("price_abc123")).await;
    assert_eq!(
        price["amount"],
        json!({"amount_minor": 999, "currency": "USD"})
    );
    assert_eq!(price["interval"], "month");
    assert_eq!(price["trial_days"], 0);
    assert_eq!(price["purchasable"], true);

    let resp = send(
        &app,
        &admin,
        Method::PATCH,
        &format!("/v1/billing/admin/products/{id}"),
        Some(json!({"name": " EAP "})),
    )
    .await;
    assert_eq!(json_of(resp, StatusCode::OK).await["name"], "EAP");
    let resp = send(
        &app,
        &admin,
        Method::PUT,
        &format!("/v1/billing/admin/products/{id}/features"),
        Some(json!({"content_premium": true, "care_coaching": true,
                    "care_therapy": 8, "care_psychiatry": null})),
    )
    .await;
    let changed = json_of(resp, StatusCode::OK).await;
    assert_eq!(changed["name"], "EAP");
    assert_eq!(changed["features"]["care_therapy"], 8);
    assert_eq!(changed["features"]["care_coaching"], true);
    assert_eq!(changed["prices"][0]["id"], price["id"]);

    let got = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            &format!("/v1/billing/admin/products/{id}"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(got, changed);

    create_product(&app, &admin, "second", premium()).await;
    let page = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            "/v1/billing/admin/products?limit=1",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["items"][0]["id"], id);
    let cursor = page["next_cursor"].as_str().unwrap();
    let page = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            &format!("/v1/billing/admin/products?limit=1&cursor={cursor}"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["items"][0]["code"], "second");
    assert!(page["next_cursor"].is_null());
}

#[tokio::test]
async fn catalog_refusals_are_precise_and_change_nothing() {
    let app = app().await;
    let admin = app.admin().await;
    let product = create_product(&app, &admin, "dup", premium()).await;
    let id = product["id"].as_str().unwrap();

    let resp = send(
        &app,
        &admin,
        Method::POST,
        "/v1/billing/admin/products",
        Some(json!({"code": "dup", "name": "Other", "description": null, "features": premium()})),
    )
    .await;
    resp.assert_problem(StatusCode::CONFLICT, "product_code_taken")
        .await;

    let resp = send(
        &app,
        &admin,
        Method::POST,
        "/v1/billing/admin/products",
        Some(json!({"code": "Bad Code", "name": "  ", "description": null, "features": premium()})),
    )
    .await;
    let body = resp
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["code", "name"]);

    // A quota outside the schema is malformed; an unknown currency is invalid.
    let resp = send(
        &app,
        &admin,
        Method::POST,
        "/v1/billing/admin/products",
        Some(json!({"code": "q", "name": "Q", "description": null, "features": therapy(0)})),
    )
    .await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "?").await;
    let resp = send(
        &app,
        &admin,
        Method::POST,
        &format!("/v1/billing/admin/products/{id}/prices"),
        Some(
            json!({"amount_minor": 100, "currency": "XYZ", "interval": "month",
                    "trial_days": 3, "stripe_price_id": null}),
        ),
    )
    .await;
    let body = resp
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(body["errors"][0]["field"], "currency");

    create_price(&app, &admin, id, Some("price_taken")).await;
    let resp = send(
        &app,
        &admin,
        Method::POST,
        &format!("/v1/billing/admin/products/{id}/prices"),
        Some(
            json!({"amount_minor": 100, "currency": "EUR", "interval": "year",
                    "trial_days": 0, "stripe_price_id": "price_taken"}),
        ),
    )
    .await;
    resp.assert_problem(StatusCode::CONFLICT, "stripe_price_taken")
        .await;

    let missing = haven_billing::ProductId::new();
    let resp = send(
        &app,
        &admin,
        Method::GET,
        &format!("/v1/billing/admin/products/{missing}"),
        None,
    )
    .await;
    resp.assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    let resp = send(
        &app,
        &admin,
        Method::GET,
        "/v1/billing/admin/products/usr_01h455vb4pex5vsknk084sn02q",
        None,
    )
    .await;
    assert!(resp.0.status().is_client_error());

    let counts = app
        .ctx
        .db
        .read(|conn| {
            use haven_billing::schema::{billing_prices, billing_products};
            let products: i64 = billing_products::table.count().get_result(conn)?;
            let prices: i64 = billing_prices::table.count().get_result(conn)?;
            Ok::<_, DbError>((products, prices))
        })
        .await
        .unwrap();
    assert_eq!(counts, (1, 1));
}

#[tokio::test]
async fn members_cannot_manage_the_catalog_and_see_only_what_is_on_sale() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let resp = send(
        &app,
        &member,
        Method::POST,
        "/v1/billing/admin/products",
        Some(json!({"code": "x", "name": "X", "description": null, "features": premium()})),
    )
    .await;
    resp.assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;

    let sold = create_product(&app, &admin, "sold", premium()).await;
    let sold_id = sold["id"].as_str().unwrap();
    let kept = create_price(&app, &admin, sold_id, None).await;
    let stopped = create_price(&app, &admin, sold_id, Some("price_old")).await;
    let resp = send(
        &app,
        &admin,
        Method::PATCH,
        &format!(
            "/v1/billing/admin/prices/{}",
            stopped["id"].as_str().unwrap()
        ),
        Some(json!({"active": false})),
    )
    .await;
    assert_eq!(json_of(resp, StatusCode::OK).await["active"], false);
    let retired = create_product(&app, &admin, "retired", premium()).await;
    let resp = send(
        &app,
        &admin,
        Method::PATCH,
        &format!(
            "/v1/billing/admin/products/{}",
            retired["id"].as_str().unwrap()
        ),
        Some(json!({"active": false})),
    )
    .await;
    json_of(resp, StatusCode::OK).await;

    let resp = member.get(&app, "/v1/billing/plans").send().await;
    resp.assert_header("cache-control", "private");
    let plans = json_of(resp, StatusCode::OK).await;
    let items = plans["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{plans}");
    assert_eq!(items[0]["id"], sold_id);
    let prices: Vec<&str> = items[0]["prices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(prices, [kept["id"].as_str().unwrap()]);
}

#[tokio::test]
async fn seeding_adds_the_demo_catalog_once() {
    let app = app().await;
    let module = haven_billing::BillingModule::new(&app.ctx);
    let first = module.seed().await.unwrap();
    assert!(
        matches!(first, Seeded::Done { created, .. } if created > 0),
        "{first:?}"
    );
    assert_eq!(
        module.seed().await.unwrap(),
        Seeded::Done {
            created: 0,
            notes: Vec::new()
        }
    );
    let member = app.member().await;
    let plans = json_of(
        member.get(&app, "/v1/billing/plans").send().await,
        StatusCode::OK,
    )
    .await;
    let codes: Vec<&str> = plans["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["premium", "care-plus"]);
}
