//! The entitlement ledger (issue 12 point 2): grants by hand (audited), the member's
//! view, consumption and release by reference, history rows and events, and concurrent
//! consumption of the last unit (the cache across nodes: `cache.rs`).

use chrono::Utc;
use diesel::prelude::*;
use haven_billing::{BillingService, ConsumeError, Feature, ReleaseError};
use haven_platform::DbError;
use haven_platform::ids::UserId;
use haven_platform::testing::{AssertProblem, Service, SignedIn, TestApp, require_service};
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{app, json_of, send};

/// An admin grants `feature` (with `quota`) to `user`; the grant's JSON.
pub async fn grant(
    app: &TestApp,
    admin: &SignedIn,
    user: &str,
    feature: &str,
    quota: Option<i64>,
) -> Value {
    let resp = send(
        app,
        admin,
        Method::POST,
        &format!("/v1/billing/admin/members/{user}/grants"),
        Some(
            json!({"feature": feature, "quota": quota, "valid_until": null, "reason": "goodwill"}),
        ),
    )
    .await;
    json_of(resp, StatusCode::CREATED).await
}

/// `(action, feature, reference, actor, reason)` of the member's history rows.
pub async fn history(
    app: &TestApp,
    user: &str,
) -> Vec<(
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
)> {
    use haven_billing::schema::billing_ledger_entries as l;
    let user = user.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            l::table
                .filter(l::user_id.eq(user))
                .order(l::id.asc())
                .select((l::action, l::feature, l::reference, l::actor_id, l::reason))
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

/// Payloads of `billing.entitlements_changed` events, oldest first.
pub async fn ledger_events(app: &TestApp) -> Vec<Value> {
    use haven_platform::schema::platform_outbox_events as e;
    let rows: Vec<String> = app
        .ctx
        .db
        .run(|conn| {
            e::table
                .filter(e::event_type.eq("billing.entitlements_changed"))
                .order(e::id.asc())
                .select(e::payload)
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    rows.iter()
        .map(|p| serde_json::from_str(p).unwrap())
        .collect()
}

fn uid(s: &SignedIn) -> UserId {
    s.user_id.parse().unwrap()
}

#[tokio::test]
async fn members_see_their_entitlements_and_sources() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let before = json_of(
        member.get(&app, "/v1/billing/me/entitlements").send().await,
        StatusCode::OK,
    )
    .await;
    assert!(
        before["entitlements"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["allowed"] == false)
    );
    assert_eq!(before["grants"], json!([]));

    let g = grant(&app, &admin, &member.user_id, "care.therapy", Some(3)).await;
    assert_eq!(g["source"], "admin");
    assert_eq!(g["quota"], 3);
    grant(&app, &admin, &member.user_id, "content.premium", None).await;

    let resp = member.get(&app, "/v1/billing/me/entitlements").send().await;
    resp.assert_header("cache-control", "private");
    let body = json_of(resp, StatusCode::OK).await;
    let by_feature = |f: &str| {
        body["entitlements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["feature"] == f)
            .unwrap()
            .clone()
    };
    assert_eq!(by_feature("content.premium")["allowed"], true);
    assert!(by_feature("content.premium")["remaining"].is_null());
    let therapy = by_feature("care.therapy");
    assert_eq!(
        (
            therapy["allowed"].clone(),
            therapy["quota"].clone(),
            therapy["remaining"].clone()
        ),
        (json!(true), json!(3), json!(3))
    );
    assert!(
        therapy["benefit_year_start"]
            .as_str()
            .unwrap()
            .ends_with("-01-01T00:00:00Z")
    );
    assert_eq!(by_feature("care.coaching")["allowed"], false);
    let sources: Vec<&str> = body["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["feature"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["care.therapy", "content.premium"]);

    // The admin sees the same.
    let seen = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            &format!("/v1/billing/admin/members/{}/entitlements", member.user_id),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(seen["grants"], body["grants"]);
}

#[tokio::test]
async fn units_are_consumed_once_per_reference_and_released_by_reference() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let user = uid(&member);
    let billing = BillingService::new(&app.ctx);
    let now = Utc::now();

    let err = billing
        .consume(&user, Feature::CareTherapy, "booking-1", now)
        .await
        .unwrap_err();
    assert!(matches!(err, ConsumeError::NotEntitled), "{err:?}");
    grant(&app, &admin, &member.user_id, "care.therapy", Some(2)).await;
    let now = Utc::now();

    let first = billing
        .consume(&user, Feature::CareTherapy, "booking-1", now)
        .await
        .unwrap();
    assert!(first.new);
    assert_eq!(first.remaining, 1);
    let again = billing
        .consume(&user, Feature::CareTherapy, "booking-1", now)
        .await
        .unwrap();
    assert_eq!((again.id, again.new, again.remaining), (first.id, false, 1));
    let second = billing
        .consume(&user, Feature::CareTherapy, "booking-2", now)
        .await
        .unwrap();
    assert_eq!(second.remaining, 0);
    let err = billing
        .consume(&user, Feature::CareTherapy, "booking-3", now)
        .await
        .unwrap_err();
    assert!(matches!(err, ConsumeError::QuotaExhausted), "{err:?}");
    let ent = billing
        .check(&user, Feature::CareTherapy, now)
        .await
        .unwrap();
    assert_eq!(
        (ent.allowed, ent.used, ent.remaining),
        (true, Some(2), Some(0))
    );

    assert!(
        billing
            .release(&user, Feature::CareTherapy, "booking-1")
            .await
            .unwrap()
    );
    assert!(
        !billing
            .release(&user, Feature::CareTherapy, "booking-1")
            .await
            .unwrap()
    );
    assert!(
        !billing
            .release(&user, Feature::CareTherapy, "never-booked")
            .await
            .unwrap()
    );
    assert_eq!(
        billing
            .check(&user, Feature::CareTherapy, now)
            .await
            .unwrap()
            .remaining,
        Some(1)
    );
    let third = billing
        .consume(&user, Feature::CareTherapy, "booking-3", now)
        .await
        .unwrap();
    assert_eq!(third.remaining, 0);

    // Flags are not counted; references must be given.
    assert!(matches!(
        billing
            .consume(&user, Feature::ContentPremium, "x", now)
            .await
            .unwrap_err(),
        ConsumeError::NotCounted
    ));
    assert!(matches!(
        billing
            .release(&user, Feature::ContentPremium, "x")
            .await
            .unwrap_err(),
        ReleaseError::NotCounted
    ));
    assert!(matches!(
        billing
            .consume(&user, Feature::CareTherapy, "  ", now)
            .await
            .unwrap_err(),
        ConsumeError::Invalid(_)
    ));

    let actions: Vec<(String, Option<String>)> = history(&app, &member.user_id)
        .await
        .into_iter()
        .map(|(a, _, r, _, _)| (a, r))
        .collect();
    let s = |a: &str, r: Option<&str>| (a.to_owned(), r.map(str::to_owned));
    assert_eq!(
        actions,
        [
            s("granted", None),
            s("consumed", Some("booking-1")),
            s("consumed", Some("booking-2")),
            s("released", Some("booking-1")),
            s("consumed", Some("booking-3")),
        ]
    );
    let events = ledger_events(&app).await;
    assert_eq!(events.len(), 5, "{events:?}");
    assert!(events.iter().all(
        |e| e["user_id"] == member.user_id.as_str() && e["features"] == json!(["care.therapy"])
    ));
    let versions: Vec<i64> = events
        .iter()
        .map(|e| e["version"].as_i64().unwrap())
        .collect();
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
}

#[tokio::test]
async fn admins_revoke_with_a_reason_and_the_history_keeps_who_and_why() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let g = grant(&app, &admin, &member.user_id, "care.coaching", None).await;
    let id = g["id"].as_str().unwrap();
    let path = format!("/v1/billing/admin/grants/{id}/revoke");

    let resp = send(
        &app,
        &admin,
        Method::POST,
        &path,
        Some(json!({"reason": "   "})),
    )
    .await;
    let body = resp
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(body["errors"][0]["field"], "reason");
    let resp = send(
        &app,
        &member,
        Method::POST,
        &path,
        Some(json!({"reason": "mine"})),
    )
    .await;
    resp.assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;

    let resp = send(
        &app,
        &admin,
        Method::POST,
        &path,
        Some(json!({"reason": "refund by phone"})),
    )
    .await;
    let revoked = json_of(resp, StatusCode::OK).await;
    assert!(revoked["revoked_at"].is_string());
    assert_eq!(revoked["revoke_reason"], "refund by phone");
    let resp = send(
        &app,
        &admin,
        Method::POST,
        &path,
        Some(json!({"reason": "again"})),
    )
    .await;
    resp.assert_problem(StatusCode::CONFLICT, "grant_revoked")
        .await;
    let missing = haven_billing::GrantId::new();
    let resp = send(
        &app,
        &admin,
        Method::POST,
        &format!("/v1/billing/admin/grants/{missing}/revoke"),
        Some(json!({"reason": "x"})),
    )
    .await;
    resp.assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;

    let rows = history(&app, &member.user_id).await;
    let admin_id = Some(admin.user_id.clone());
    assert_eq!(
        rows,
        [
            (
                "granted".into(),
                "care.coaching".into(),
                None,
                admin_id.clone(),
                Some("goodwill".into())
            ),
            (
                "revoked".into(),
                "care.coaching".into(),
                None,
                admin_id,
                Some("refund by phone".into())
            ),
        ]
    );
    let page = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            &format!(
                "/v1/billing/admin/members/{}/ledger?limit=1",
                member.user_id
            ),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["items"][0]["action"], "granted");
    assert_eq!(page["items"][0]["actor_id"], admin.user_id.as_str());
    assert!(page["next_cursor"].is_string());
    let me = json_of(
        member.get(&app, "/v1/billing/me/entitlements").send().await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(me["grants"], json!([]));
}

#[tokio::test]
async fn admin_grants_check_quota_rules_and_change_nothing_when_refused() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let path = format!("/v1/billing/admin/members/{}/grants", member.user_id);
    for (body, field, code) in [
        (
            json!({"feature": "care.therapy", "quota": null, "valid_until": null, "reason": "r"}),
            "quota",
            "quota_required",
        ),
        (
            json!({"feature": "content.premium", "quota": 2, "valid_until": null, "reason": "r"}),
            "quota",
            "quota_not_allowed",
        ),
        (
            json!({"feature": "content.premium", "quota": null, "valid_until": "2001-01-01T00:00:00Z", "reason": "r"}),
            "valid_until",
            "in_the_past",
        ),
    ] {
        let resp = send(&app, &admin, Method::POST, &path, Some(body)).await;
        let problem = resp
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
        assert_eq!(
            (
                problem["errors"][0]["field"].as_str(),
                problem["errors"][0]["code"].as_str()
            ),
            (Some(field), Some(code))
        );
    }
    assert!(history(&app, &member.user_id).await.is_empty());
    assert!(ledger_events(&app).await.is_empty());
}

#[tokio::test]
async fn export_and_erasure_cover_the_ledger() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let user = uid(&member);
    grant(&app, &admin, &member.user_id, "care.therapy", Some(1)).await;
    let billing = BillingService::new(&app.ctx);
    billing
        .consume(&user, Feature::CareTherapy, "b-1", Utc::now())
        .await
        .unwrap();
    let export = billing.export_member(&user).await.unwrap();
    assert_eq!(export["grants"][0]["feature"], "care.therapy");
    assert_eq!(export["consumptions"][0]["reference"], "b-1");
    assert_eq!(export["ledger_history"].as_array().unwrap().len(), 2);
    let token = billing.store_account_token(&user).await.unwrap();
    assert_eq!(
        billing.export_member(&user).await.unwrap()["store_account_token"],
        token
    );

    billing.erase_member(&user).await.unwrap();
    billing.erase_member(&user).await.unwrap();
    let export = billing.export_member(&user).await.unwrap();
    assert_eq!(
        export,
        json!({"grants": [], "consumptions": [], "ledger_history": [],
               "stripe_customer_id": null, "store_account_token": null, "subscriptions": [],
               "promo_redemptions": [], "employer_sponsorships": [], "employer_waitlists": []})
    );
    assert!(
        !billing
            .check(&user, Feature::CareTherapy, Utc::now())
            .await
            .unwrap()
            .allowed
    );
}

#[tokio::test]
async fn fifty_concurrent_consumers_of_the_last_unit_one_wins_on_postgres() {
    if require_service(Service::Postgres).is_none() {
        return;
    }
    let app = haven_app::testing::builder()
        .settings(|s| s.database.pool_max = 24)
        .build(haven_app::wiring::build_app)
        .await;
    let admin = app.admin().await;
    let member = app.member().await;
    let user = uid(&member);
    grant(&app, &admin, &member.user_id, "care.therapy", Some(1)).await;
    let billing = BillingService::new(&app.ctx);
    let now = Utc::now();
    let tasks: Vec<_> = (0..50)
        .map(|i| {
            let billing = billing.clone();
            tokio::spawn(async move {
                billing
                    .consume(&user, Feature::CareTherapy, &format!("booking-{i}"), now)
                    .await
            })
        })
        .collect();
    let mut won = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(c) => {
                assert_eq!(c.remaining, 0);
                won += 1;
            }
            Err(ConsumeError::QuotaExhausted) => {}
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    assert_eq!(won, 1);
    let counted: i64 = app
        .ctx
        .db
        .run(|conn| {
            use haven_billing::schema::billing_consumptions as c;
            c::table
                .filter(c::released_at.is_null())
                .count()
                .get_result(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(counted, 1);
    assert_eq!(
        billing
            .check(&user, Feature::CareTherapy, now)
            .await
            .unwrap()
            .remaining,
        Some(0)
    );
}
