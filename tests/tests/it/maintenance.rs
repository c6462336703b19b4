//! The platform's own recurring jobs: every node schedules the purges of finished jobs,
//! expired idempotency keys and expired rate-limit buckets.

use std::time::Duration;

use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::jobs::{Registry, Runtime};
use haven_platform::testing::wait_for;

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = diesel::sql_types::Text)]
    kind: String,
}

#[tokio::test]
async fn the_platform_purges_are_scheduled_and_run() {
    let app = haven_app::testing::builder()
        .settings(|s| s.jobs.poll_interval_ms = 10)
        .build(haven_app::wiring::build_app)
        .await;
    // Finished jobs are kept 7 days; pending ones are never purged.
    let now = chrono::Utc::now().naive_utc();
    let seeded = [
        (
            "test.old_done",
            "done",
            Some(now - chrono::Duration::days(8)),
        ),
        (
            "test.old_dead",
            "dead",
            Some(now - chrono::Duration::days(8)),
        ),
        (
            "test.recent_done",
            "done",
            Some(now - chrono::Duration::days(1)),
        ),
        ("test.pending", "pending", None),
    ];
    app.ctx
        .db
        .run(move |conn| {
            use haven_platform::schema::platform_jobs as j;
            for (kind, state, finished_at) in seeded {
                diesel::insert_into(j::table)
                    .values((
                        j::id.eq(kind),
                        j::kind.eq(kind),
                        j::payload.eq("{}"),
                        j::state.eq(state),
                        j::run_at.eq(now + chrono::Duration::days(30)),
                        j::max_attempts.eq(1),
                        j::created_at.eq(now - chrono::Duration::days(9)),
                        j::finished_at.eq(finished_at),
                    ))
                    .execute(conn)?;
            }
            Ok::<_, DbError>(())
        })
        .await
        .unwrap();
    let runtime = Runtime::start(
        app.ctx.db.clone(),
        app.ctx.settings.jobs.clone(),
        Registry::new(),
    );
    let expected = [
        "platform.purge_finished_jobs",
        "platform.purge_idempotency_keys",
        "platform.purge_outbox",
        "platform.purge_rate_limit_buckets",
    ];
    let done = wait_for(
        Duration::from_secs(20),
        "every purge job is done",
        || async {
            let done: Vec<String> = app
                .ctx
                .db
                .run(|conn| {
                    diesel::sql_query(
                        "SELECT kind FROM platform_jobs WHERE state = 'done' \
                         AND kind LIKE 'platform.%' ORDER BY kind",
                    )
                    .load::<Row>(conn)
                    .map_err(DbError::from)
                })
                .await
                .unwrap()
                .into_iter()
                .map(|r| r.kind)
                .collect();
            (done.len() >= expected.len()).then_some(done)
        },
    )
    .await;
    runtime.shutdown(Duration::from_secs(5)).await;
    assert_eq!(done, expected);
    let kept: Vec<String> = app
        .ctx
        .db
        .run(|conn| {
            diesel::sql_query(
                "SELECT kind FROM platform_jobs WHERE kind LIKE 'test.%' ORDER BY kind",
            )
            .load::<Row>(conn)
            .map_err(DbError::from)
        })
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.kind)
        .collect();
    assert_eq!(kept, ["test.pending", "test.recent_done"]);
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[tokio::test]
async fn the_outbox_purge_keeps_undispatched_and_recent_rows() {
    let app = haven_app::testing::builder()
        .build(haven_app::wiring::build_app)
        .await;
    let counts = app
        .ctx
        .db
        .run(|conn| {
            let old = chrono::Utc::now().naive_utc() - chrono::Duration::days(8);
            let new = chrono::Utc::now().naive_utc() - chrono::Duration::days(1);
            let insert_event =
                |conn: &mut _, id: &str, dispatched: Option<chrono::NaiveDateTime>| {
                    diesel::sql_query(
                        "INSERT INTO platform_outbox_events \
                     (id, event_type, version, occurred_at, payload, dispatched_at) \
                     VALUES ($1, 't.x', 1, $2, '{}', $3)",
                    )
                    .bind::<diesel::sql_types::Text, _>(id)
                    .bind::<diesel::sql_types::Timestamp, _>(old)
                    .bind::<diesel::sql_types::Nullable<diesel::sql_types::Timestamp>, _>(
                        dispatched,
                    )
                    .execute(conn)
                };
            insert_event(conn, "evt_old_dispatched", Some(old))?;
            insert_event(conn, "evt_new_dispatched", Some(new))?;
            insert_event(conn, "evt_old_undispatched", None)?;
            for (event, at) in [("evt_old_dispatched", old), ("evt_new_dispatched", new)] {
                diesel::sql_query(
                    "INSERT INTO platform_event_handled (handler, event_id, handled_at) \
                     VALUES ('h', $1, $2)",
                )
                .bind::<diesel::sql_types::Text, _>(event)
                .bind::<diesel::sql_types::Timestamp, _>(at)
                .execute(conn)?;
            }
            let purged =
                haven_platform::outbox::purge_finished(conn, chrono::Utc::now().naive_utc())?;
            let count = |conn: &mut _, sql: &str| {
                diesel::sql_query(sql)
                    .get_result::<Count>(conn)
                    .map(|c| c.n)
            };
            let events = count(conn, "SELECT count(*) AS n FROM platform_outbox_events")?;
            let handled = count(conn, "SELECT count(*) AS n FROM platform_event_handled")?;
            Ok::<_, DbError>((purged, events, handled))
        })
        .await
        .unwrap();
    assert_eq!(
        counts,
        (2, 2, 1),
        "(purged, events left, handled records left)"
    );
}
