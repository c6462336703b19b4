//! `Db::run` under pressure: pool exhaustion and a lost database are 503s, never hangs
//! or 500s, and the pool recovers once the database is back.

use diesel::{Connection, PgConnection, RunQueryDsl, sql_query};
use haven_platform::testing::AssertProblem;
use poem::http::StatusCode;

use crate::probe::app_with;

#[tokio::test]
async fn pool_exhaustion_is_a_503_with_retry_after() {
    let (app, gates) = app_with(|s| {
        s.database.pool_max = 1;
        s.database.acquire_timeout_ms = 100;
    })
    .await;
    let (tx, rx) = std::sync::mpsc::channel();
    *gates.hold.lock().unwrap() = Some(rx);
    let started = gates.started.notified();
    let holder = app.client.get("/v1/test/hold").send();
    let contender = async {
        started.await;
        let resp = app.client.get("/v1/test/db").send().await;
        resp.assert_header("retry-after", "1");
        assert_eq!(
            resp.assert_problem(StatusCode::SERVICE_UNAVAILABLE, "unavailable")
                .await["code"],
            "unavailable"
        );
        tx.send(()).unwrap();
    };
    let (held, ()) = tokio::join!(holder, contender);
    held.assert_status_is_ok();
    app.client
        .get("/v1/test/db")
        .send()
        .await
        .assert_status_is_ok();
}

#[tokio::test]
async fn a_panic_in_a_query_is_a_500_that_leaks_nothing_and_frees_the_connection() {
    let (app, _) = app_with(|s| {
        s.database.pool_max = 1;
        s.database.acquire_timeout_ms = 500;
    })
    .await;
    let resp = app.client.get("/v1/test/db-panic").send().await;
    let body = resp
        .assert_problem(StatusCode::INTERNAL_SERVER_ERROR, "internal")
        .await;
    assert!(!body.to_string().contains("hunter2"), "{body}");
    // The only connection (and its permit) came back to the pool.
    app.client
        .get("/v1/test/db")
        .send()
        .await
        .assert_status_is_ok();
}

#[tokio::test]
async fn a_database_that_cannot_be_reached_is_a_503_not_a_500() {
    let (app, _) = app_with(|s| {
        s.database.acquire_timeout_ms = 200;
    })
    .await;
    // Point a second app at a database that does not exist.
    let mut settings = (*app.ctx.settings).clone();
    settings.database.url = match app.db.backend() {
        haven_platform::config::Backend::Sqlite => "sqlite:///proc/no-such-dir/haven.db".into(),
        haven_platform::config::Backend::Postgres => {
            "postgres://postgres@127.0.0.1:1/nothing".into()
        }
    };
    let ctx = haven_platform::PlatformContext::new(settings, app.ctx.build).unwrap();
    let client = poem::test::TestClient::new(haven_app::wiring::build_app(&ctx).endpoint);
    let resp = client.get("/health/ready").send().await;
    resp.assert_problem(StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        .await;
}

/// Kills every backend of the test database mid-test (as a PostgreSQL restart would) and
/// proves requests never fail with 500 and the pool heals.
#[tokio::test]
async fn the_pool_recovers_after_postgres_kills_its_connections() {
    let (app, _) = app_with(|s| s.database.pool_max = 3).await;
    let (Some(admin), Some(name)) = (app.db.postgres_admin_url(), app.db.postgres_name()) else {
        return; // PostgreSQL-only; the SQLite run has no server to lose.
    };
    // Open every pooled connection.
    let warm = (0..6).map(|_| app.client.get("/v1/test/db").send());
    for resp in futures_util::future::join_all(warm).await {
        resp.assert_status_is_ok();
    }
    assert!(app.ctx.db.stats().size >= 1);

    let mut conn = PgConnection::establish(admin).unwrap();
    let killed = sql_query(format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    ))
    .execute(&mut conn)
    .unwrap();
    assert!(killed >= 1, "no backend was killed");

    let mut statuses = Vec::new();
    for _ in 0..10 {
        statuses.push(
            app.client
                .get("/v1/test/db")
                .send()
                .await
                .0
                .status()
                .as_u16(),
        );
    }
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 503),
        "{statuses:?}"
    );
    // A dead connection costs at most one request each; then everything succeeds.
    let first_ok = statuses
        .iter()
        .position(|s| *s == 200)
        .expect("never recovered");
    assert!(first_ok <= 3, "{statuses:?}");
    assert!(
        statuses[first_ok..].iter().all(|s| *s == 200),
        "{statuses:?}"
    );
}
