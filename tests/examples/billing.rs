//! Benchmarks of billing (issue 12), run by `bench/billing`:
//! 1. "may M use F now" answered from the per-node entitlement cache, in-process: the
//!    cache lookup plus the answer (`EntitlementCache::fresh` + `Snapshot::entitlement`),
//!    and `BillingService::check` as content's port calls it (the cache, kept current by
//!    the node's watcher: no query while an entry is checked); p50/p99/max over N calls,
//!    on the backend of
//!    `HAVEN_TEST_POSTGRES_URL` (SQLite when unset).
//! 2. Webhook ingestion (PostgreSQL only): a burst of signed Stripe events, 10 % of them
//!    redeliveries, shuffled, through the whole app in-process with 16 in flight; events/s,
//!    then the stored state of every subscription is checked against the provider's (the
//!    newest event of each), and the run fails if one differs.
//!
//! cargo run --release -p haven-tests --example billing -- [checks] [events]

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::Instant;

use chrono::Utc;
use diesel::prelude::*;
use futures_util::StreamExt;
use haven_billing::ledger::cache::EntitlementCache;
use haven_billing::stripe::signature::sign;
use haven_billing::{BillingService, Feature};
use haven_platform::DbError;
use haven_platform::config::Secret;
use haven_platform::testing::{SignedIn, TestApp};
use poem::http::StatusCode;
use serde_json::{Value, json};

const SECRET: &str = "whsec_bench";

fn percentiles(mut ns: Vec<u128>) -> (f64, f64, f64) {
    ns.sort_unstable();
    let at = |q: f64| ns[((ns.len() as f64 * q) as usize).min(ns.len() - 1)] as f64 / 1000.0;
    (at(0.5), at(0.99), *ns.last().unwrap() as f64 / 1000.0)
}

async fn post(app: &TestApp, who: &SignedIn, path: &str, body: Value) -> Value {
    let resp = who
        .request(app, poem::http::Method::POST, path)
        .header("idempotency-key", uuid::Uuid::now_v7().to_string())
        .body_json(&body)
        .send()
        .await;
    assert_eq!(resp.0.status(), StatusCode::CREATED);
    resp.json().await.value().deserialize()
}

async fn deliver(app: &TestApp, body: String) -> StatusCode {
    let t = Utc::now().timestamp();
    let header = format!("t={t},v1={}", sign(SECRET, &t.to_string(), body.as_bytes()));
    app.client
        .post("/v1/billing/webhooks/stripe")
        .content_type("application/json")
        .header("stripe-signature", header)
        .body(body)
        .send()
        .await
        .0
        .status()
}

fn subscription_event(
    id: &str,
    created: i64,
    sub: &str,
    user: &str,
    status: &str,
    cancel: bool,
    deleted: bool,
) -> String {
    let end = created + 30 * 86_400;
    let kind = if deleted {
        "customer.subscription.deleted"
    } else {
        "customer.subscription.updated"
    };
    json!({"id": id, "object": "event", "type": kind, "created": created, "livemode": false,
           "data": {"object": {"id": sub, "object": "subscription", "customer": "cus_bench",
                    "status": status, "cancel_at_period_end": cancel, "metadata": {"user_id": user},
                    "items": {"data": [{"price": {"id": "price_bench"},
                                        "current_period_start": created - 86_400,
                                        "current_period_end": end}]}}}})
    .to_string()
}

/// A tiny deterministic generator (xorshift): the shuffle and the states are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let checks: usize = args.next().map_or(200_000, |a| a.parse().unwrap());
    let events: usize = args.next().map_or(1000, |a| a.parse().unwrap());
    let postgres = std::env::var("HAVEN_TEST_POSTGRES_URL").is_ok_and(|v| !v.is_empty());
    let backend = if postgres { "postgres" } else { "sqlite" };
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.billing.stripe_webhook_secrets = vec![Secret::new(SECRET)];
            s.database.pool_max = 16;
        })
        .build(haven_app::wiring::build_app)
        .await;
    let admin = app.admin().await;
    let member = app.member().await;
    let product = post(&app, &admin, "/v1/billing/admin/products", json!({"code": "premium", "name": "Premium", "description": null,
        "features": {"content_premium": true, "care_coaching": false, "care_therapy": 8, "care_psychiatry": null}})).await;
    post(&app, &admin, &format!("/v1/billing/admin/products/{}/prices", product["id"].as_str().unwrap()),
        json!({"amount_minor": 999, "currency": "USD", "interval": "month", "trial_days": null, "stripe_price_id": "price_bench"})).await;
    let now = Utc::now().timestamp();
    let status = deliver(
        &app,
        subscription_event(
            "evt_bench_0",
            now,
            "sub_bench_0",
            &member.user_id,
            "active",
            false,
            false,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // 1. The check.
    let user = member.user_id.parse().unwrap();
    let billing = BillingService::new(&app.ctx);
    let snapshot = billing.snapshot(&user).await.unwrap();
    assert!(
        snapshot
            .entitlement(Feature::ContentPremium, Utc::now().naive_utc())
            .allowed
    );
    // Minutes: the loop must not outlive an entry's check (no watcher here).
    let cache = EntitlementCache::new(std::time::Duration::from_secs(3_600));
    // A realistic map: 10,000 members cached on this node.
    for _ in 0..9_999 {
        cache.put(
            haven_platform::ids::UserId::new(),
            snapshot.clone(),
            cache.now(),
        );
    }
    cache.put(user, snapshot.clone(), cache.now());
    let mut ns = Vec::with_capacity(checks);
    for _ in 0..checks {
        let started = Instant::now();
        let s = cache.fresh(&user, cache.now()).unwrap();
        let e = s.entitlement(Feature::CareTherapy, Utc::now().naive_utc());
        ns.push(started.elapsed().as_nanos());
        assert!(e.allowed && e.remaining == Some(8));
    }
    let (p50, p99, max) = percentiles(ns);
    println!(
        "| cache lookup + answer (in-process) | {backend} | {checks} | {p50:.2} | {p99:.2} | {max:.1} |"
    );
    let n = checks.min(20_000);
    let mut ns = Vec::with_capacity(n);
    for _ in 0..n {
        let started = Instant::now();
        let e = billing
            .check(&user, Feature::CareTherapy, Utc::now())
            .await
            .unwrap();
        ns.push(started.elapsed().as_nanos());
        assert!(e.allowed);
    }
    let (p50, p99, max) = percentiles(ns);
    println!(
        "| `BillingService::check` (watched cache) | {backend} | {n} | {p50:.2} | {p99:.2} | {max:.1} |"
    );

    if !postgres {
        return;
    }
    // 2. Webhook ingestion: `subs` subscriptions, 9 events each in provider order, 10 %
    // duplicates, all shuffled.
    let unique = events * 9 / 10;
    let subs = unique / 9;
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let intermediate = [
        ("trialing", false),
        ("active", false),
        ("past_due", false),
        ("active", true),
    ];
    let mut bodies = Vec::new();
    let mut expected = Vec::new();
    for s in 0..subs {
        let sub = format!("sub_burst_{s}");
        let mut last = ("", false, false);
        for k in 0..9 {
            let created = now + 10 + k as i64;
            let (status, cancel, deleted) = if k < 8 {
                let (st, c) = intermediate[rng.below(intermediate.len())];
                (st, c, false)
            } else {
                match rng.below(4) {
                    0 => ("active", false, false),
                    1 => ("past_due", false, false),
                    2 => ("active", true, false),
                    _ => ("canceled", false, true),
                }
            };
            last = (status, cancel, deleted);
            bodies.push(subscription_event(
                &format!("evt_burst_{s}_{k}"),
                created,
                &sub,
                &member.user_id,
                status,
                cancel,
                deleted,
            ));
        }
        let stored = match last {
            (_, _, true) => "expired",
            ("active", true, _) => "canceled",
            (st, _, _) => st,
        };
        expected.push((sub, stored.to_owned(), last.1 && !last.2));
    }
    let duplicates = events - bodies.len();
    for _ in 0..duplicates {
        let again = bodies[rng.below(bodies.len())].clone();
        bodies.push(again);
    }
    for i in (1..bodies.len()).rev() {
        bodies.swap(i, rng.below(i + 1));
    }
    let total = bodies.len();
    let started = Instant::now();
    let statuses: Vec<StatusCode> =
        futures_util::stream::iter(bodies.into_iter().map(|b| deliver(&app, b)))
            .buffer_unordered(16)
            .collect()
            .await;
    let elapsed = started.elapsed();
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK),
        "a delivery was not 200: {statuses:?}"
    );
    let rows: Vec<(String, String, bool)> = app
        .ctx
        .db
        .run(|conn| {
            use haven_billing::schema::billing_subscriptions as s;
            s::table
                .filter(s::provider_ref.like("sub_burst_%"))
                .select((s::provider_ref, s::status, s::cancel_at_period_end))
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    let inbox: i64 = app
        .ctx
        .db
        .run(|conn| {
            use haven_billing::schema::billing_webhook_events as w;
            w::table
                .filter(w::event_id.like("evt_burst_%"))
                .count()
                .get_result(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    let mut wrong = 0;
    for (sub, status, cancel) in &expected {
        match rows.iter().find(|r| &r.0 == sub) {
            Some((_, s, c)) if s == status && (c == cancel || status == "expired") => {}
            other => {
                wrong += 1;
                println!(
                    "MISMATCH {sub}: expected {status} (cancel_at_period_end {cancel}), stored {other:?}"
                );
            }
        }
    }
    println!(
        "| webhook burst (PostgreSQL, 16 in flight) | {total} events ({duplicates} duplicates, shuffled) | {:.0} events/s | {:.2} s | subscriptions {} / {} equal to the provider's | inbox rows {inbox} |",
        total as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64(),
        expected.len() - wrong,
        expected.len(),
    );
    assert_eq!(wrong, 0, "the final state differs from the provider's");
    assert_eq!(rows.len(), expected.len());
    assert_eq!(inbox as usize, subs * 9);
}
