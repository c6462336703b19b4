//! The transactional outbox on one node: publish commits or rolls back with the caller,
//! every subscriber handles an event once (retries, dead letters, redelivery dedupe), and
//! the backlog gauges. Final state is read from `platform_outbox_events`,
//! `platform_event_handled` and the delivery jobs, on SQLite and (when configured)
//! PostgreSQL.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use diesel::prelude::*;
use futures_util::FutureExt;
use haven_platform::jobs::{JobHandler, JobId, Registry, Runtime};
use haven_platform::module::{ModuleInfo, Seeded};
use haven_platform::outbox::{self, DomainEvent, Event, EventHandler, EventId};
use haven_platform::privacy::{Erasure, UserData};
use haven_platform::testing::{TestApp, wait_until};
use haven_platform::time::now_utc;
use haven_platform::{Db, DbError};
use serde::Serialize;

use crate::job_support::{
    JobRow, event_handler, fast, handled_rows, jobs_of_kind, metric, platform_jobs,
    platform_outbox_events, undispatched_events,
};

const WAIT: Duration = Duration::from_secs(15);
const DELIVERY: &str = "platform.deliver_event";

#[derive(Serialize)]
struct ThingHappened {
    n: u32,
}

impl DomainEvent for ThingHappened {
    const TYPE: &'static str = "test.thing_happened";
}

#[derive(Serialize)]
struct OtherThing {
    label: &'static str,
}

impl DomainEvent for OtherThing {
    const TYPE: &'static str = "test.other_thing";
    const VERSION: i32 = 2;
}

#[derive(Serialize)]
struct NobodyListens {}

impl DomainEvent for NobodyListens {
    const TYPE: &'static str = "test.nobody_listens";
}

/// Calls a handler received per event, and how many of them succeeded.
#[derive(Default, Debug)]
struct Tally {
    calls: Mutex<Vec<Event>>,
    ok: Mutex<HashMap<EventId, u32>>,
}

impl Tally {
    fn calls_for(&self, id: EventId) -> usize {
        self.calls
            .lock()
            .unwrap()
            .iter()
            .filter(|e| e.id == id)
            .count()
    }

    fn successes(&self) -> HashMap<EventId, u32> {
        self.ok.lock().unwrap().clone()
    }
}

/// A handler that records its calls in a tally and fails while `fails(event, call_no)`.
fn tallied(
    name: &'static str,
    types: &[&'static str],
    fails: impl Fn(&Event, usize) -> bool + Send + Sync + 'static,
) -> (Arc<dyn EventHandler>, Arc<Tally>) {
    let tally = Arc::new(Tally::default());
    let t = Arc::clone(&tally);
    let handler = event_handler(name, types, move |event| {
        let call_no = {
            let mut calls = t.calls.lock().unwrap();
            calls.push(event.clone());
            calls.iter().filter(|e| e.id == event.id).count()
        };
        let fail = fails(&event, call_no);
        let t = Arc::clone(&t);
        async move {
            if fail {
                anyhow::bail!("{name} fails call {call_no}");
            }
            *t.ok.lock().unwrap().entry(event.id).or_default() += 1;
            Ok(())
        }
        .boxed()
    });
    (handler, tally)
}

fn never(_: &Event, _: usize) -> bool {
    false
}

/// A module that declares event handlers, mounted the way the app mounts domains.
struct TestModule {
    handlers: Vec<Arc<dyn EventHandler>>,
}

impl ModuleInfo for TestModule {
    fn name(&self) -> &'static str {
        "test"
    }

    fn event_handlers(&self) -> Vec<Arc<dyn EventHandler>> {
        self.handlers.clone()
    }

    fn job_handlers(&self) -> Vec<Arc<dyn JobHandler>> {
        Vec::new()
    }

    fn export_user_data<'a>(
        &'a self,
        _: &'a haven_platform::ids::UserId,
    ) -> futures_util::future::BoxFuture<'a, anyhow::Result<UserData>> {
        Box::pin(async { Ok(UserData::NothingStored) })
    }

    fn erase_user<'a>(
        &'a self,
        _: &'a haven_platform::ids::UserId,
    ) -> futures_util::future::BoxFuture<'a, anyhow::Result<Erasure>> {
        Box::pin(async { Ok(Erasure::NothingStored) })
    }

    fn seed(&self) -> futures_util::future::BoxFuture<'_, anyhow::Result<Seeded>> {
        Box::pin(async { Ok(Seeded::NothingToSeed) })
    }
}

async fn app() -> TestApp {
    // Counters recorded before the recorder is installed would be lost.
    haven_platform::observability::metrics::install();
    haven_app::testing::builder()
        .settings(|s| fast(&mut s.jobs))
        .build(haven_app::wiring::build_app)
        .await
}

fn start(app: &TestApp, handlers: Vec<Arc<dyn EventHandler>>) -> Runtime {
    let mut registry = Registry::new();
    registry.add_module(&TestModule { handlers });
    Runtime::start(app.ctx.db.clone(), app.ctx.settings.jobs.clone(), registry)
}

async fn publish<E: DomainEvent + Send + 'static>(db: &Db, event: E) -> EventId {
    db.run(move |conn| {
        conn.transaction(|tx| outbox::publish(tx, &event))
            .map_err(DbError::from)
    })
    .await
    .unwrap()
}

async fn handled_count(db: &Db) -> usize {
    handled_rows(db).await.len()
}

/// The delivery jobs, keyed by (handler, event id).
async fn deliveries(db: &Db) -> HashMap<(String, String), JobRow> {
    let mut by_target = HashMap::new();
    for row in jobs_of_kind(db, DELIVERY).await {
        let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap();
        let key = (
            payload["handler"].as_str().unwrap().to_owned(),
            payload["event_id"].as_str().unwrap().to_owned(),
        );
        assert!(
            by_target.insert(key.clone(), row).is_none(),
            "two deliveries for {key:?}"
        );
    }
    by_target
}

async fn event_ids_in_outbox(db: &Db) -> Vec<String> {
    db.run(|conn| {
        platform_outbox_events::table
            .select(platform_outbox_events::id)
            .order(platform_outbox_events::id)
            .load(conn)
            .map_err(DbError::from)
    })
    .await
    .unwrap()
}

fn pair(handler: &str, event: EventId) -> (String, String) {
    (handler.to_owned(), event.to_string())
}

#[tokio::test]
async fn an_event_published_in_a_rolled_back_transaction_is_never_delivered() {
    let app = app().await;
    let db = app.ctx.db.clone();
    let (handler, tally) = tallied("test.listener", &[ThingHappened::TYPE], never);

    let rolled_back = db
        .run(|conn| {
            let mut id = None;
            let result = conn.transaction::<(), diesel::result::Error, _>(|tx| {
                let published = outbox::publish(tx, &ThingHappened { n: 1 })?;
                let inside: i64 = platform_outbox_events::table
                    .filter(platform_outbox_events::id.eq(published.to_string()))
                    .count()
                    .get_result(tx)?;
                assert_eq!(inside, 1, "publish writes on the caller's connection");
                id = Some(published);
                Err(diesel::result::Error::RollbackTransaction)
            });
            assert!(result.is_err());
            Ok::<_, DbError>(id.unwrap())
        })
        .await
        .unwrap();

    // An event committed afterwards is delivered; once it is, the first provably was not.
    let runtime = start(&app, vec![handler]);
    let committed = publish(&db, ThingHappened { n: 2 }).await;
    wait_until(WAIT, "the committed event is handled", || async {
        handled_count(&db).await == 1
    })
    .await;
    runtime.shutdown(WAIT).await;

    assert_eq!(event_ids_in_outbox(&db).await, [committed.to_string()]);
    assert_eq!(handled_rows(&db).await, [pair("test.listener", committed)]);
    assert_eq!(tally.calls_for(rolled_back), 0);
    assert_eq!(tally.calls.lock().unwrap().len(), 1);
    let deliveries = deliveries(&db).await;
    assert_eq!(deliveries.len(), 1);
    assert!(deliveries.contains_key(&pair("test.listener", committed)));
}

#[tokio::test]
async fn a_committed_event_is_handled_once_by_each_subscriber() {
    let app = app().await;
    let db = app.ctx.db.clone();
    let (first, first_tally) = tallied("test.first", &[ThingHappened::TYPE], never);
    let (second, second_tally) = tallied("test.second", &[ThingHappened::TYPE], never);
    let (other, other_tally) = tallied("test.other", &[OtherThing::TYPE], never);
    let runtime = start(&app, vec![first, second, other]);

    let (thing, other_thing, unheard) = db
        .run(|conn| {
            conn.transaction::<_, diesel::result::Error, _>(|tx| {
                Ok((
                    outbox::publish(tx, &ThingHappened { n: 42 })?,
                    outbox::publish(tx, &OtherThing { label: "hi" })?,
                    outbox::publish(tx, &NobodyListens {})?,
                ))
            })
            .map_err(DbError::from)
        })
        .await
        .unwrap();
    wait_until(WAIT, "three deliveries are handled", || async {
        handled_count(&db).await == 3
    })
    .await;
    wait_until(WAIT, "the deliveries are done", || async {
        let d = deliveries(&db).await;
        d.len() == 3 && d.values().all(|r| r.state == "done")
    })
    .await;
    runtime.shutdown(WAIT).await;

    let mut expected = vec![
        pair("test.first", thing),
        pair("test.other", other_thing),
        pair("test.second", thing),
    ];
    expected.sort();
    assert_eq!(handled_rows(&db).await, expected);
    for (tally, event) in [
        (&first_tally, thing),
        (&second_tally, thing),
        (&other_tally, other_thing),
    ] {
        assert_eq!(tally.calls.lock().unwrap().len(), 1);
        assert_eq!(tally.successes(), HashMap::from([(event, 1)]));
    }
    let seen = first_tally.calls.lock().unwrap()[0].clone();
    assert_eq!(seen.event_type, "test.thing_happened");
    assert_eq!(seen.version, 1);
    assert_eq!(seen.payload, serde_json::json!({"n": 42}));
    let seen = other_tally.calls.lock().unwrap()[0].clone();
    assert_eq!(
        (seen.event_type.as_str(), seen.version),
        ("test.other_thing", 2)
    );
    assert_eq!(seen.payload, serde_json::json!({"label": "hi"}));

    let deliveries = deliveries(&db).await;
    for key in &expected {
        let row = &deliveries[key];
        assert_eq!((row.state.as_str(), row.attempts), ("done", 1), "{key:?}");
    }
    // Every event was fanned out, including the one nobody subscribes to (no deliveries).
    let undispatched = undispatched_events(&db).await;
    assert_eq!(undispatched, 0);
    assert_eq!(event_ids_in_outbox(&db).await.len(), 3);
    assert!(!deliveries.keys().any(|(_, e)| *e == unheard.to_string()));
}

#[tokio::test]
async fn a_handler_that_fails_once_is_retried_and_handles_the_event_once() {
    let app = app().await;
    let db = app.ctx.db.clone();
    let (flaky, flaky_tally) = tallied("test.flaky", &[ThingHappened::TYPE], |_, call| call == 1);
    let (steady, steady_tally) = tallied("test.steady", &[ThingHappened::TYPE], never);
    let runtime = start(&app, vec![flaky, steady]);

    let event = publish(&db, ThingHappened { n: 1 }).await;
    wait_until(WAIT, "both handlers handled the event", || async {
        handled_count(&db).await == 2
    })
    .await;
    wait_until(WAIT, "both deliveries are done", || async {
        deliveries(&db)
            .await
            .values()
            .filter(|r| r.state == "done")
            .count()
            == 2
    })
    .await;
    runtime.shutdown(WAIT).await;

    assert_eq!(flaky_tally.calls_for(event), 2);
    assert_eq!(flaky_tally.successes(), HashMap::from([(event, 1)]));
    assert_eq!(steady_tally.calls_for(event), 1);
    assert_eq!(steady_tally.successes(), HashMap::from([(event, 1)]));
    let mut expected = vec![pair("test.flaky", event), pair("test.steady", event)];
    expected.sort();
    assert_eq!(handled_rows(&db).await, expected);
    let deliveries = deliveries(&db).await;
    let row = &deliveries[&pair("test.flaky", event)];
    assert_eq!((row.state.as_str(), row.attempts), ("done", 2));
    assert_eq!(row.last_error.as_deref(), Some("test.flaky fails call 1"));
    let row = &deliveries[&pair("test.steady", event)];
    assert_eq!((row.state.as_str(), row.attempts), ("done", 1));
}

#[tokio::test]
async fn a_handler_that_always_fails_is_dead_lettered_and_the_others_still_handle_the_event() {
    let app = app().await; // jobs.max_attempts = 3
    let db = app.ctx.db.clone();
    let outbox_dead = metric("haven_outbox_dead_total", "");
    let jobs_dead = metric("haven_jobs_dead_total", &format!(r#"kind="{DELIVERY}""#));
    let (broken, broken_tally) = tallied("test.broken", &[ThingHappened::TYPE], |_, _| true);
    let (steady, steady_tally) = tallied("test.steady", &[ThingHappened::TYPE], never);
    let runtime = start(&app, vec![broken, steady]);

    let event = publish(&db, ThingHappened { n: 1 }).await;
    wait_until(WAIT, "the broken handler's delivery is dead", || async {
        deliveries(&db)
            .await
            .get(&pair("test.broken", event))
            .is_some_and(|r| r.state == "dead")
    })
    .await;
    wait_until(WAIT, "the steady handler's delivery is done", || async {
        deliveries(&db)
            .await
            .get(&pair("test.steady", event))
            .is_some_and(|r| r.state == "done")
    })
    .await;
    runtime.shutdown(WAIT).await;

    assert_eq!(broken_tally.calls_for(event), 3);
    assert!(broken_tally.successes().is_empty());
    assert_eq!(steady_tally.successes(), HashMap::from([(event, 1)]));
    assert_eq!(handled_rows(&db).await, [pair("test.steady", event)]);
    let deliveries = deliveries(&db).await;
    let row = &deliveries[&pair("test.broken", event)];
    assert_eq!((row.state.as_str(), row.attempts), ("dead", 3));
    assert_eq!(row.last_error.as_deref(), Some("test.broken fails call 3"));
    assert!(row.finished_at.is_some());
    assert_eq!(metric("haven_outbox_dead_total", "") - outbox_dead, 1.0);
    assert_eq!(
        metric("haven_jobs_dead_total", &format!(r#"kind="{DELIVERY}""#)) - jobs_dead,
        1.0
    );
}

#[tokio::test]
async fn redelivering_an_event_a_handler_already_handled_is_a_no_op() {
    let app = app().await;
    let db = app.ctx.db.clone();
    let (handler, tally) = tallied("test.once", &[ThingHappened::TYPE], never);
    let runtime = start(&app, vec![handler]);

    let event = publish(&db, ThingHappened { n: 1 }).await;
    wait_until(WAIT, "the event is handled", || async {
        handled_count(&db).await == 1
    })
    .await;
    wait_until(WAIT, "its delivery is done", || async {
        deliveries(&db).await.values().all(|r| r.state == "done")
    })
    .await;
    let original = deliveries(&db)
        .await
        .remove(&pair("test.once", event))
        .unwrap();

    // Deliver the same (handler, event) again, as a lapsed lease or an operator would.
    let again = JobId::new();
    let (id, payload, now) = (again.to_string(), original.payload.clone(), now_utc());
    db.run(move |conn| {
        diesel::insert_into(platform_jobs::table)
            .values((
                platform_jobs::id.eq(id),
                platform_jobs::kind.eq(DELIVERY),
                platform_jobs::payload.eq(payload),
                platform_jobs::state.eq("pending"),
                platform_jobs::run_at.eq(now),
                platform_jobs::attempts.eq(0),
                platform_jobs::max_attempts.eq(0),
                platform_jobs::created_at.eq(now),
            ))
            .execute(conn)
            .map_err(DbError::from)
    })
    .await
    .unwrap();
    wait_until(WAIT, "the redelivery is done", || {
        crate::job_support::job_in_state(&db, again, "done")
    })
    .await;
    runtime.shutdown(WAIT).await;

    assert_eq!(tally.calls_for(event), 1, "the handler ran again");
    assert_eq!(tally.successes(), HashMap::from([(event, 1)]));
    assert_eq!(handled_rows(&db).await, [pair("test.once", event)]);
    let row = crate::job_support::job_row(&db, again).await.unwrap();
    assert_eq!((row.state.as_str(), row.attempts), ("done", 1));
    assert_eq!(row.last_error, None);
}

#[tokio::test]
async fn the_outbox_gauges_report_a_backlog_and_its_age() {
    let app = app().await;
    let db = app.ctx.db.clone();

    // No workers: three events wait to be fanned out.
    let mut events = Vec::new();
    for n in 0..3 {
        events.push(publish(&db, ThingHappened { n }).await);
    }
    let stats = outbox::refresh_stats(&db).await.unwrap();
    assert_eq!(stats.pending, 3);
    assert_eq!(metric("haven_outbox_pending", ""), 3.0);

    // Age the oldest: the lag is measured from it.
    let oldest = events[0].to_string();
    let aged = now_utc() - chrono::Duration::seconds(90);
    db.run(move |conn| {
        diesel::update(platform_outbox_events::table.find(oldest))
            .set(platform_outbox_events::occurred_at.eq(aged))
            .execute(conn)
            .map_err(DbError::from)
    })
    .await
    .unwrap();
    let stats = outbox::refresh_stats(&db).await.unwrap();
    assert_eq!(stats.pending, 3);
    assert!(
        (90.0..3_600.0).contains(&stats.lag_seconds),
        "{}",
        stats.lag_seconds
    );
    assert_eq!(metric("haven_outbox_lag_seconds", ""), stats.lag_seconds);

    // Workers drain it; the gauges return to zero.
    let (handler, _) = tallied("test.drain", &[ThingHappened::TYPE], never);
    let runtime = start(&app, vec![handler]);
    wait_until(WAIT, "the backlog is handled", || async {
        let d = deliveries(&db).await;
        d.len() == 3 && d.values().all(|r| r.state == "done")
    })
    .await;
    runtime.shutdown(WAIT).await;
    let stats = outbox::refresh_stats(&db).await.unwrap();
    assert_eq!(stats.pending, 0);
    assert!(stats.lag_seconds.abs() < f64::EPSILON);
    assert_eq!(metric("haven_outbox_pending", ""), 0.0);
    assert_eq!(metric("haven_outbox_lag_seconds", ""), 0.0);
}
