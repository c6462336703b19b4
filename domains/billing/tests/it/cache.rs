//! Each node's entitlement cache (issue 12 point 2): answered without a query while known
//! current, this node's changes seen by its next request, another node's within
//! `billing.entitlement_staleness_ms`, and no old rights served once the node cannot
//! check them.

use std::time::Duration;

use chrono::Utc;
use haven_billing::{BillingService, Feature};
use haven_platform::testing::{SignedIn, TestApp, wait_until};
use haven_platform::{DbError, Fault, PlatformContext};
use poem::http::{Method, StatusCode};
use serde_json::Value;

use crate::ledger::grant;
use crate::support::{app, json_of, send};

/// The configured bound (2 s), plus one poll and one read of the ledger.
const SEEN_WITHIN: Duration = Duration::from_millis(2_500);

async fn premium_on(app: &TestApp, member: &SignedIn) -> bool {
    let body: Value = json_of(
        member.get(app, "/v1/billing/me/entitlements").send().await,
        StatusCode::OK,
    )
    .await;
    body["entitlements"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["feature"] == "content.premium" && e["allowed"] == true)
}

async fn premium(node: &BillingService, member: &SignedIn) -> Result<bool, Fault> {
    let user = member.user_id.parse().unwrap();
    Ok(node
        .check(&user, Feature::ContentPremium, Utc::now())
        .await?
        .allowed)
}

async fn revoke(app: &TestApp, admin: &SignedIn, grant: &Value) {
    let id = grant["id"].as_str().unwrap();
    let resp = send(
        app,
        admin,
        Method::POST,
        &format!("/v1/billing/admin/grants/{id}/revoke"),
        Some(serde_json::json!({"reason": "chargeback"})),
    )
    .await;
    json_of(resp, StatusCode::OK).await;
}

/// A keyed request's writes commit after its handler returned (with the stored answer),
/// and the node's next request must still see them.
#[tokio::test]
async fn the_node_that_made_a_change_answers_it_on_its_next_request() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    assert!(!premium_on(&app, &member).await, "cached without premium");
    let g = grant(&app, &admin, &member.user_id, "content.premium", None).await;
    assert!(premium_on(&app, &member).await, "the grant at once");
    revoke(&app, &admin, &g).await;
    assert!(!premium_on(&app, &member).await, "the revocation at once");
}

#[tokio::test]
async fn another_node_sees_a_grant_and_a_revocation_within_the_bound() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    // A second node: its own cache (and watcher) over the same database.
    let other = BillingService::new(&app.ctx);
    assert!(
        !premium(&other, &member).await.unwrap(),
        "cached without premium"
    );

    let g = grant(&app, &admin, &member.user_id, "content.premium", None).await;
    wait_until(SEEN_WITHIN, "the other node sees the grant", || async {
        premium(&other, &member).await.unwrap()
    })
    .await;
    revoke(&app, &admin, &g).await;
    wait_until(
        SEEN_WITHIN,
        "the other node sees the revocation",
        || async { !premium(&other, &member).await.unwrap() },
    )
    .await;
    let user = member.user_id.parse().unwrap();
    let now = Utc::now();
    assert_eq!(
        other
            .check(&user, Feature::ContentPremium, now)
            .await
            .unwrap(),
        other
            .check_uncached(&user, Feature::ContentPremium, now)
            .await
            .unwrap()
    );
}

/// Holds the only connection of `ctx`'s pool until the returned sender is dropped.
async fn hold_the_only_connection(ctx: &PlatformContext) -> std::sync::mpsc::Sender<()> {
    let (release, released) = std::sync::mpsc::channel::<()>();
    let (held, holding) = tokio::sync::oneshot::channel();
    let db = ctx.db.clone();
    tokio::spawn(async move {
        db.run(move |_| {
            let _ = held.send(());
            // Until the sender is dropped (an error then: that is the release).
            let _ = released.recv();
            Ok::<_, DbError>(())
        })
        .await
    });
    holding.await.unwrap();
    release
}

/// Checks answer from the cache without a query while its entry is checked; once the
/// watcher could not check it for the bound they go to the database (a 503-class error
/// while it cannot be reached) instead of answering old rights.
#[tokio::test]
async fn a_node_that_cannot_check_its_cache_stops_answering_from_it_after_the_bound() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    grant(&app, &admin, &member.user_id, "content.premium", None).await;
    let mut settings = (*app.ctx.settings).clone();
    settings.database.pool_max = 1;
    settings.database.acquire_timeout_ms = 100;
    settings.billing.entitlement_staleness_ms = 1_000;
    let ctx = PlatformContext::new(settings, haven_platform::testing::TEST_BUILD).unwrap();
    let node = BillingService::new(&ctx);
    assert!(premium(&node, &member).await.unwrap());

    let release = hold_the_only_connection(&ctx).await;
    // No connection to be had: answered from the cache, no query.
    assert!(premium(&node, &member).await.unwrap());
    wait_until(
        Duration::from_secs(5),
        "the node stops answering from an entry it could not check",
        || async {
            matches!(
                premium(&node, &member).await,
                Err(Fault::Db(DbError::Unavailable(_)))
            )
        },
    )
    .await;
    drop(release);
    wait_until(Duration::from_secs(5), "the node answers again", || async {
        premium(&node, &member).await.is_ok_and(|allowed| allowed)
    })
    .await;
}
