//! The hand-off of [`Db`] calls to blocking threads: permits before threads, the acquire
//! timeout, panics, and the caller's span inside the closure.

use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use haven_platform::config::DatabaseSettings;
use haven_platform::testing::{TestDb, wait_until};
use haven_platform::{Db, DbError};

/// A fresh database (the backend the run selects) and a `Db` of `pool_max` connections
/// on it that gives up waiting after `acquire_timeout_ms`.
async fn fresh(pool_max: u32, acquire_timeout_ms: u64) -> (TestDb, Db) {
    let (test_db, _) = super::fresh(pool_max).await;
    let db = Db::connect(&DatabaseSettings {
        url: test_db.url.clone(),
        pool_max,
        acquire_timeout_ms,
        ..DatabaseSettings::default()
    })
    .unwrap();
    (test_db, db)
}

/// Holds `db`'s only connection on a blocking thread until the returned sender is
/// dropped or sent to.
async fn hold(db: &Db) -> (std::sync::mpsc::Sender<()>, tokio::task::JoinHandle<()>) {
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let started = Arc::new(tokio::sync::Notify::new());
    let notified = Arc::clone(&started);
    let db2 = db.clone();
    let holder = tokio::spawn(async move {
        db2.run(move |_| {
            notified.notify_one();
            let _ = rx.recv();
            Ok::<_, DbError>(())
        })
        .await
        .unwrap();
    });
    started.notified().await;
    (tx, holder)
}

fn threads() -> usize {
    std::fs::read_dir("/proc/self/task").map_or(0, |d| d.count())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callers_waiting_for_a_connection_hold_no_thread_and_get_it_in_turn() {
    let (_guard, db) = fresh(1, 10_000).await;
    db.ping().await.unwrap();
    let (release, holder) = hold(&db).await;
    let before = threads();

    let waiters: Vec<_> = (0..32)
        .map(|_| {
            let db = db.clone();
            tokio::spawn(async move { db.ping().await })
        })
        .collect();
    wait_until(
        Duration::from_secs(5),
        "32 callers wait for the permit",
        || std::future::ready(db.stats().waiting == 32),
    )
    .await;
    // Before permits, each waiter blocked a thread inside r2d2 (32 more threads here).
    let grown = threads().saturating_sub(before);
    assert!(
        grown < 4,
        "{grown} threads were started for waiting callers"
    );

    release.send(()).unwrap();
    holder.await.unwrap();
    for waiter in waiters {
        waiter.await.unwrap().unwrap();
    }
    assert_eq!(db.stats().waiting, 0);
}

#[tokio::test]
async fn no_connection_within_the_acquire_timeout_is_unavailable_then_the_pool_recovers() {
    let (_guard, db) = fresh(1, 200).await;
    let (release, holder) = hold(&db).await;
    // On the test's single runtime thread: waiting for the permit must not block it.
    let started = Instant::now();
    let (waited, ticks) = tokio::join!(db.ping(), async {
        let mut ticks = 0;
        while started.elapsed() < Duration::from_millis(150) {
            tokio::time::sleep(Duration::from_millis(10)).await;
            ticks += 1;
        }
        ticks
    });
    let elapsed = started.elapsed();
    assert!(matches!(waited, Err(DbError::Unavailable(_))), "{waited:?}");
    assert!(elapsed >= Duration::from_millis(200), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(1_500), "{elapsed:?}");
    assert!(ticks >= 5, "the runtime was blocked ({ticks} ticks)");
    assert_eq!(db.stats().waiting, 0);

    release.send(()).unwrap();
    holder.await.unwrap();
    db.ping().await.unwrap();
}

#[tokio::test]
async fn a_panic_in_a_query_reaches_the_caller_and_frees_the_connection() {
    let (_guard, db) = fresh(1, 500).await;
    let db2 = db.clone();
    let joined = tokio::spawn(async move {
        db2.run(|conn| -> Result<(), DbError> {
            conn.batch_execute("SELECT 1")?;
            panic!("boom in a query")
        })
        .await
    })
    .await;
    let panic = joined.expect_err("the panic is resumed in the caller");
    assert!(panic.is_panic());
    // The permit and the connection came back: the only one is free at once.
    let started = Instant::now();
    db.ping().await.unwrap();
    assert!(started.elapsed() < Duration::from_millis(400));
}

#[tokio::test]
async fn the_closure_runs_inside_the_callers_span() {
    // Global, because the closure runs on another thread; nextest runs each test in a
    // process of its own.
    let _ = tracing::subscriber::set_global_default(tracing_subscriber::registry());
    let (_guard, db) = fresh(1, 500).await;
    let span = tracing::info_span!("use_case");
    let outer = span.id().expect("a subscriber is installed");
    let inner = tracing::Instrument::instrument(
        db.read(|_| Ok::<_, DbError>(tracing::Span::current().id())),
        span,
    )
    .await
    .unwrap();
    assert_eq!(inner, Some(outer));
}
