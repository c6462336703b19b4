//! The job queue's gauges: due pending and running jobs per kind, the oldest due job's
//! wait, and both back to 0 once the queue is empty (no stale value is left behind).

use chrono::Duration;
use diesel::prelude::*;
use haven_platform::jobs::{self, NewJob, refresh_queue_stats};
use haven_platform::time::now_utc;
use haven_platform::{Db, DbError};

use crate::job_support::metric;

diesel::table! {
    platform_jobs (id) {
        id -> Text,
        kind -> Text,
        state -> Text,
        run_at -> Timestamp,
    }
}

const KIND: &str = "test.queue_gauges";

async fn enqueue(db: &Db, job: NewJob) {
    db.write(move |conn| jobs::enqueue(conn, job).map(|_| ()).map_err(DbError::from))
        .await
        .unwrap();
}

async fn set_all(db: &Db, state: &'static str, run_at: Option<chrono::NaiveDateTime>) {
    db.run(move |conn| {
        let target = platform_jobs::table.filter(platform_jobs::kind.eq(KIND));
        match run_at {
            Some(at) => diesel::update(target)
                .set((platform_jobs::state.eq(state), platform_jobs::run_at.eq(at)))
                .execute(conn),
            None => diesel::update(target)
                .set(platform_jobs::state.eq(state))
                .execute(conn),
        }
        .map_err(DbError::from)
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn queue_depth_and_age_per_kind_and_back_to_zero() {
    haven_platform::observability::metrics::install();
    // No workers run in this app: the jobs stay where the test puts them.
    let app = haven_app::testing::app().await;
    let db = app.ctx.db.clone();
    let payload = serde_json::json!({});
    for _ in 0..2 {
        enqueue(&db, NewJob::new(KIND, &payload).unwrap()).await;
    }
    // Not due yet: neither counted nor aged.
    let later = now_utc() + Duration::hours(1);
    enqueue(&db, NewJob::new(KIND, &payload).unwrap().run_at(later)).await;
    // The two due ones have waited two minutes.
    let due_since = now_utc() - Duration::seconds(120);
    db.run(move |conn| {
        diesel::update(
            platform_jobs::table
                .filter(platform_jobs::kind.eq(KIND))
                .filter(platform_jobs::run_at.lt(later)),
        )
        .set(platform_jobs::run_at.eq(due_since))
        .execute(conn)
        .map_err(DbError::from)
    })
    .await
    .unwrap();

    let groups = refresh_queue_stats(&db).await.unwrap();
    let mine: Vec<_> = groups.iter().filter(|g| g.kind == KIND).collect();
    assert_eq!(mine.len(), 1, "{groups:?}");
    assert_eq!((mine[0].state.as_str(), mine[0].depth), ("pending", 2));
    let age = metric("haven_jobs_queue_age_seconds", &format!(r#"kind="{KIND}""#));
    assert!((120.0..3_600.0).contains(&age), "{age}");
    assert_eq!(
        metric(
            "haven_jobs_queue_depth",
            &format!(r#"kind="{KIND}",state="pending""#)
        ),
        2.0
    );

    // Running jobs are counted as such, and the pending series drops to 0.
    set_all(&db, "running", Some(due_since)).await;
    refresh_queue_stats(&db).await.unwrap();
    assert_eq!(
        metric(
            "haven_jobs_queue_depth",
            &format!(r#"kind="{KIND}",state="running""#)
        ),
        3.0
    );
    assert_eq!(
        metric(
            "haven_jobs_queue_depth",
            &format!(r#"kind="{KIND}",state="pending""#)
        ),
        0.0
    );
    assert_eq!(
        metric("haven_jobs_queue_age_seconds", &format!(r#"kind="{KIND}""#)),
        0.0
    );

    // Done: nothing of the kind is reported any more, and its series read 0.
    set_all(&db, "done", None).await;
    let groups = refresh_queue_stats(&db).await.unwrap();
    assert!(groups.iter().all(|g| g.kind != KIND), "{groups:?}");
    assert_eq!(
        metric(
            "haven_jobs_queue_depth",
            &format!(r#"kind="{KIND}",state="running""#)
        ),
        0.0
    );
}
