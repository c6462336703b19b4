//! The platform's own recurring jobs: every node schedules the purges of finished jobs,
//! expired idempotency keys and expired rate-limit buckets.

use std::time::Duration;

use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::jobs::{Registry, Runtime};
use haven_platform::testing::TestApp;

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = diesel::sql_types::Text)]
    kind: String,
}

#[tokio::test]
async fn the_platform_purges_are_scheduled_and_run() {
    let app = TestApp::builder()
        .settings(|s| s.jobs.poll_interval_ms = 10)
        .build(haven_app::wiring::build_app)
        .await;
    let runtime = Runtime::start(
        app.ctx.db.clone(),
        app.ctx.settings.jobs.clone(),
        Registry::new(),
    );
    let expected = [
        "platform.purge_finished_jobs",
        "platform.purge_idempotency_keys",
        "platform.purge_rate_limit_buckets",
    ];
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let done = loop {
        let done: Vec<String> = app
            .ctx
            .db
            .run(|conn| {
                diesel::sql_query(
                    "SELECT kind FROM platform_jobs WHERE state = 'done' ORDER BY kind",
                )
                .load::<Row>(conn)
                .map_err(DbError::from)
            })
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.kind)
            .collect();
        if done.len() >= expected.len() || tokio::time::Instant::now() > deadline {
            break done;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    runtime.shutdown(Duration::from_secs(5)).await;
    assert_eq!(done, expected);
}
