//! Employers through identity's join (issue 12 point 7): identity asks billing for a seat
//! inside the join; a join beyond the seats is `409 seats_full` and waitlisted; racing
//! joins for the last seat seat exactly one; leaving ends the grant; a member who pays us
//! personally is emailed and their Stripe subscription set to cancel at period end, once,
//! through a job that survives a Stripe outage.

use std::sync::atomic::Ordering;
use std::time::Duration;

use chrono::Utc;
use diesel::prelude::*;
use haven_billing::{BillingService, Feature};
use haven_platform::DbError;
use haven_platform::jobs::Runtime;
use haven_platform::testing::{
    AssertProblem, Service, SignedIn, TestApp, require_service, wait_until,
};
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::stripe_support::{StripeStandIn, deliver, event, subscription};
use crate::support::{create_price, create_product, json_of, premium, send, therapy};
use haven_platform::testing::Mailbox;

// Identity's tables as these tests touch them (billing does not depend on identity).
diesel::table! {
    identity_users (id) {
        id -> Text,
        email_verified_at -> Nullable<Timestamp>,
    }
}
diesel::table! {
    identity_organization_memberships (id) {
        id -> Text,
        organization_id -> Text,
        user_id -> Text,
    }
}

/// A member whose email is verified (joining needs it).
async fn verified(app: &TestApp) -> SignedIn {
    let m = app.member().await;
    let id = m.user_id.clone();
    app.ctx
        .db
        .run(move |conn| {
            diesel::update(identity_users::table.find(id))
                .set(identity_users::email_verified_at.eq(Some(Utc::now().naive_utc())))
                .execute(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    m
}

/// An organization whose members qualify by their `example.com` address, with a contract
/// for `product` and `seats`.
async fn organization(app: &TestApp, admin: &SignedIn, product: &Value, seats: i64) -> String {
    let org = json_of(
        send(
            app,
            admin,
            Method::POST,
            "/v1/identity/organizations",
            Some(json!({"name": "Acme", "allowed_domains": ["example.com"]})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    json_of(
        send(
            app,
            admin,
            Method::PUT,
            &format!("/v1/billing/admin/employers/{org}/contract"),
            Some(json!({"product_id": product["id"], "seats": seats})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    org
}

async fn join(app: &TestApp, who: &SignedIn, org: &str) -> poem::test::TestResponse {
    send(
        app,
        who,
        Method::POST,
        "/v1/identity/me/organization",
        Some(json!({"organization_id": org})),
    )
    .await
}

async fn therapy_left(app: &TestApp, who: &SignedIn) -> Option<i64> {
    let e = BillingService::new(&app.ctx)
        .check(
            &who.user_id.parse().unwrap(),
            Feature::CareTherapy,
            Utc::now(),
        )
        .await
        .unwrap();
    e.allowed.then(|| e.remaining.unwrap())
}

async fn waitlist(app: &TestApp, admin: &SignedIn, org: &str) -> Vec<Value> {
    let page = json_of(
        send(
            app,
            admin,
            Method::GET,
            &format!("/v1/billing/admin/employers/{org}/waitlist"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    page["items"].as_array().unwrap().clone()
}

async fn seated(app: &TestApp, admin: &SignedIn, org: &str) -> i64 {
    json_of(
        send(
            app,
            admin,
            Method::GET,
            &format!("/v1/billing/admin/employers/{org}/contract"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await["seated"]
        .as_i64()
        .unwrap()
}

async fn memberships(app: &TestApp, org: &str) -> i64 {
    let org = org.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            identity_organization_memberships::table
                .filter(identity_organization_memberships::organization_id.eq(org))
                .count()
                .get_result(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

/// The app with job workers (event deliveries and billing's jobs run in the background).
async fn app_with_workers(
    f: impl FnOnce(&mut haven_platform::Settings) + Send + 'static,
) -> (TestApp, Runtime) {
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.jobs.poll_interval_ms = 20;
            s.jobs.backoff_base_ms = 20;
            s.jobs.backoff_max_ms = 50;
            s.database.pool_max = 24;
            f(s);
        })
        .build(haven_app::wiring::build_app)
        .await;
    let workers = Runtime::start(
        app.ctx.db.clone(),
        app.ctx.settings.jobs.clone(),
        haven_app::wiring::job_registry(&app.ctx),
    );
    (app, workers)
}

#[tokio::test]
async fn a_join_beyond_the_seats_is_refused_and_waitlisted_and_leaving_frees_the_seat() {
    let (app, workers) = app_with_workers(|_| {}).await;
    let admin = app.admin().await;
    let eap = create_product(&app, &admin, "eap", therapy(6)).await;
    let org = organization(&app, &admin, &eap, 1).await;
    let (a, b) = (verified(&app).await, verified(&app).await);

    json_of(join(&app, &a, &org).await, StatusCode::CREATED).await;
    // Granted in the join's transaction: no event has to be delivered first.
    assert_eq!(therapy_left(&app, &a).await, Some(6));

    join(&app, &b, &org)
        .await
        .assert_problem(StatusCode::CONFLICT, "seats_full")
        .await;
    b.get(&app, "/v1/identity/me/organization")
        .send()
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_a_member")
        .await;
    assert_eq!(memberships(&app, &org).await, 1);
    assert_eq!(therapy_left(&app, &b).await, None);
    let waiting = waitlist(&app, &admin, &org).await;
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0]["user_id"], b.user_id.as_str());
    assert!(waiting[0]["membership_id"].is_null());
    // Asking again keeps one place.
    join(&app, &b, &org)
        .await
        .assert_problem(StatusCode::CONFLICT, "seats_full")
        .await;
    assert_eq!(waitlist(&app, &admin, &org).await.len(), 1);
    assert_eq!(seated(&app, &admin, &org).await, 1);

    // Leaving ends the grant (identity's member_left event, delivered by the workers)
    // and frees the seat: the waiting member's next join is seated.
    let resp = a
        .request(&app, Method::DELETE, "/v1/identity/me/organization")
        .send()
        .await;
    resp.assert_status(StatusCode::NO_CONTENT);
    wait_until(
        Duration::from_secs(20),
        "the leaver's grant ended",
        || async { therapy_left(&app, &a).await.is_none() },
    )
    .await;
    assert_eq!(seated(&app, &admin, &org).await, 0);
    json_of(join(&app, &b, &org).await, StatusCode::CREATED).await;
    assert_eq!(therapy_left(&app, &b).await, Some(6));
    assert!(waitlist(&app, &admin, &org).await.is_empty());
    let me = json_of(
        a.get(&app, "/v1/billing/me/entitlements").send().await,
        StatusCode::OK,
    )
    .await;
    assert!(
        me["grants"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["source"] != "employer" || !g["valid_until"].is_null()),
        "{me}"
    );
    workers.shutdown(Duration::from_secs(5)).await;
}

#[tokio::test]
async fn without_a_contract_the_default_seats_apply() {
    let app = haven_app::testing::builder()
        .settings(|s| s.billing.employer_default_seats = 1)
        .build(haven_app::wiring::build_app)
        .await;
    let admin = app.admin().await;
    let org = json_of(
        send(
            &app,
            &admin,
            Method::POST,
            "/v1/identity/organizations",
            Some(json!({"name": "Beta", "allowed_domains": ["example.com"]})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (a, b) = (verified(&app).await, verified(&app).await);
    json_of(join(&app, &a, &org).await, StatusCode::CREATED).await;
    join(&app, &b, &org)
        .await
        .assert_problem(StatusCode::CONFLICT, "seats_full")
        .await;
    // A contract later grants its features to the member seated without one.
    let eap = create_product(&app, &admin, "eap", therapy(3)).await;
    let c = json_of(
        send(
            &app,
            &admin,
            Method::PUT,
            &format!("/v1/billing/admin/employers/{org}/contract"),
            Some(json!({"product_id": eap["id"], "seats": null})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (c["seats"].as_i64(), c["seated"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(therapy_left(&app, &a).await, Some(3));
}

#[tokio::test]
async fn concurrent_joins_for_the_last_seat_seat_exactly_one_on_postgres() {
    if require_service(Service::Postgres).is_none() {
        return;
    }
    let app = haven_app::testing::builder()
        .settings(|s| s.database.pool_max = 24)
        .build(haven_app::wiring::build_app)
        .await;
    let admin = app.admin().await;
    let eap = create_product(&app, &admin, "eap", therapy(6)).await;
    let org = organization(&app, &admin, &eap, 2).await;
    let first = verified(&app).await;
    json_of(join(&app, &first, &org).await, StatusCode::CREATED).await;
    let mut members = Vec::new();
    for _ in 0..10 {
        members.push(verified(&app).await);
    }
    let responses =
        futures_util::future::join_all(members.iter().map(|m| join(&app, m, &org))).await;
    let mut created = 0;
    for resp in responses {
        match resp.0.status().as_u16() {
            201 => created += 1,
            409 => {
                resp.assert_problem(StatusCode::CONFLICT, "seats_full")
                    .await;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(created, 1, "exactly one racing join takes the last seat");
    assert_eq!(seated(&app, &admin, &org).await, 2);
    assert_eq!(memberships(&app, &org).await, 2);
    assert_eq!(waitlist(&app, &admin, &org).await.len(), 9);
    let mut sponsored = 0;
    for m in &members {
        if therapy_left(&app, m).await == Some(6) {
            sponsored += 1;
        }
    }
    assert_eq!(sponsored, 1);
}

/// A member paying through Stripe and the App Store joins their employer: the Stripe
/// subscription is set to cancel at period end (after a Stripe outage, retried with the
/// same idempotency key) and one email says so and how to cancel in the App Store.
#[tokio::test]
async fn a_member_paying_personally_is_emailed_once_and_stripe_cancels_at_period_end() {
    let mailbox = Mailbox::start();
    let stripe = StripeStandIn::default();
    let base = stripe.start().await;
    stripe.fail_updates.store(1, Ordering::SeqCst);
    let smtp = mailbox.url.clone();
    let (app, workers) = app_with_workers(move |s| {
        s.email.smtp_url = Some(haven_platform::config::Secret::new(&smtp));
        s.billing.stripe_api_base = base;
        s.billing.stripe_secret_key = Some(haven_platform::config::Secret::new("sk_test_haven"));
        s.billing.stripe_webhook_secrets = vec![haven_platform::config::Secret::new(
            crate::stripe_support::SECRET,
        )];
    })
    .await;
    let admin = app.admin().await;
    let plan = create_product(&app, &admin, "premium", premium()).await;
    create_price(
        &app,
        &admin,
        plan["id"].as_str().unwrap(),
        Some("price_premium"),
    )
    .await;
    let eap = create_product(&app, &admin, "eap", therapy(6)).await;
    let org = organization(&app, &admin, &eap, 5).await;
    let m = verified(&app).await;
    let end = Utc::now().timestamp() + 30 * 86_400;
    let sub = subscription("sub_paid_twice", &m.user_id, "active", "price_premium", end);
    let resp = deliver(
        &app,
        &event(
            "evt_pt_1",
            "customer.subscription.created",
            Utc::now().timestamp(),
            sub,
        ),
    )
    .await;
    json_of(resp, StatusCode::OK).await;
    let store = m.user_id.clone();
    app.ctx
        .db
        .run(move |conn| {
            use haven_billing::schema::billing_subscriptions as s;
            let now = Utc::now().naive_utc();
            diesel::insert_into(s::table)
                .values((
                    s::id.eq(haven_billing::subscriptions::model::SubscriptionId::new()),
                    s::user_id.eq(store),
                    s::provider.eq("app_store"),
                    s::provider_ref.eq("2000000123456789"),
                    s::status.eq("active"),
                    s::started_at.eq(now),
                    s::cancel_at_period_end.eq(false),
                    s::provider_updated_at.eq(0_i64),
                    s::created_at.eq(now),
                    s::updated_at.eq(now),
                ))
                .execute(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();

    json_of(join(&app, &m, &org).await, StatusCode::CREATED).await;
    let mail = mailbox.wait_for_subject(&m.email, "sponsors").await;
    wait_until(
        Duration::from_secs(20),
        "the paid-twice job recorded its email",
        || async {
            app.ctx
                .db
                .run(|conn| {
                    use haven_billing::schema::billing_employer_paid_twice as p;
                    p::table
                        .count()
                        .get_result::<i64>(conn)
                        .map_err(DbError::Query)
                })
                .await
                .unwrap()
                == 1
        },
    )
    .await;
    workers.shutdown(Duration::from_secs(5)).await;

    assert_eq!(mail.len(), 1);
    assert_eq!(
        mailbox.with_subject(&m.email, "sponsors").len(),
        1,
        "one email, not one per attempt"
    );
    assert!(mail[0].subject.contains("sponsors"), "{}", mail[0].subject);
    assert!(mail[0].text.contains("will not renew"), "{}", mail[0].text);
    assert!(mail[0].text.contains("App Store"), "{}", mail[0].text);
    let updates: Vec<_> = stripe
        .received()
        .into_iter()
        .filter(|r| r.path.starts_with("/v1/subscriptions/"))
        .collect();
    assert_eq!(updates.len(), 2, "the outage's call and its retry");
    for u in &updates {
        assert_eq!(u.path, "/v1/subscriptions/sub_paid_twice");
        assert_eq!(
            u.form.get("cancel_at_period_end").map(String::as_str),
            Some("true")
        );
        assert_eq!(u.form.len(), 1);
        assert_eq!(u.headers["authorization"], "Bearer sk_test_haven");
        assert_eq!(
            u.headers["content-type"],
            "application/x-www-form-urlencoded"
        );
    }
    assert_eq!(
        updates[0].headers["idempotency-key"],
        updates[1].headers["idempotency-key"]
    );
}

/// With `billing.employer_cancel_personal_stripe` off, Stripe is not called and the email
/// tells the member how to cancel.
#[tokio::test]
async fn with_cancelling_off_the_member_is_only_told() {
    let mailbox = Mailbox::start();
    let stripe = StripeStandIn::default();
    let base = stripe.start().await;
    let smtp = mailbox.url.clone();
    let (app, workers) = app_with_workers(move |s| {
        s.email.smtp_url = Some(haven_platform::config::Secret::new(&smtp));
        s.billing.stripe_api_base = base;
        s.billing.stripe_secret_key = Some(haven_platform::config::Secret::new("sk_test_haven"));
        s.billing.stripe_webhook_secrets = vec![haven_platform::config::Secret::new(
            crate::stripe_support::SECRET,
        )];
        s.billing.employer_cancel_personal_stripe = false;
    })
    .await;
    let admin = app.admin().await;
    let plan = create_product(&app, &admin, "premium", premium()).await;
    create_price(
        &app,
        &admin,
        plan["id"].as_str().unwrap(),
        Some("price_premium"),
    )
    .await;
    let eap = create_product(&app, &admin, "eap", therapy(6)).await;
    let org = organization(&app, &admin, &eap, 5).await;
    let m = verified(&app).await;
    let end = Utc::now().timestamp() + 30 * 86_400;
    let sub = subscription("sub_told", &m.user_id, "active", "price_premium", end);
    let resp = deliver(
        &app,
        &event(
            "evt_told_1",
            "customer.subscription.created",
            Utc::now().timestamp(),
            sub,
        ),
    )
    .await;
    json_of(resp, StatusCode::OK).await;
    json_of(join(&app, &m, &org).await, StatusCode::CREATED).await;
    let mail = mailbox.wait_for_subject(&m.email, "sponsors").await;
    workers.shutdown(Duration::from_secs(5)).await;
    assert!(mail[0].text.contains("still renews"), "{}", mail[0].text);
    assert!(stripe.received().is_empty());
}
