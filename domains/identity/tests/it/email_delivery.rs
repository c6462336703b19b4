//! How account emails leave: logged when no SMTP server is configured (development), and
//! retried by the outbox delivery when the SMTP server fails.

use std::time::Duration;

use diesel::prelude::*;
use haven_identity::schema::identity_email_tokens;
use haven_platform::config::Secret;
use haven_platform::jobs::Runtime;
use haven_platform::schema::platform_jobs;
use haven_platform::testing::{AssertProblem, TestApp, wait_for};
use poem::http::StatusCode;

use crate::register;

/// `(state, attempts, last_error)` of the account-email deliveries.
async fn deliveries(app: &TestApp) -> Vec<(String, i32, Option<String>)> {
    app.ctx
        .db
        .run(|conn| {
            platform_jobs::table
                .filter(platform_jobs::kind.eq("platform.deliver_event"))
                .filter(platform_jobs::payload.like("%identity.send_account_email%"))
                .select((
                    platform_jobs::state,
                    platform_jobs::attempts,
                    platform_jobs::last_error,
                ))
                .load(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap()
}

async fn token_count(app: &TestApp, user_id: &str) -> i64 {
    let id = user_id.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            identity_email_tokens::table
                .filter(identity_email_tokens::user_id.eq(&id))
                .count()
                .get_result(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap()
}

/// Polls until the only delivery reaches `state` (the workers run it in the background).
async fn delivery_reaches(app: &TestApp, state: &str) -> (i32, Option<String>) {
    let what = format!("the delivery is {state}");
    wait_for(Duration::from_secs(20), &what, || async {
        match deliveries(app).await.as_slice() {
            [(s, attempts, error)] if s == state => Some((*attempts, error.clone())),
            _ => None,
        }
    })
    .await
}

async fn app_with_workers(f: impl FnOnce(&mut haven_platform::Settings)) -> (TestApp, Runtime) {
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.jobs.poll_interval_ms = 20;
            s.jobs.backoff_base_ms = 20;
            s.jobs.backoff_max_ms = 50;
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
async fn without_smtp_the_verification_email_is_logged_and_its_delivery_completes() {
    let (app, workers) = app_with_workers(|s| s.email.smtp_url = None).await;
    assert!(!app.ctx.mail.is_smtp());
    let user = register(&app, "pia@example.com").await;
    let (attempts, error) = delivery_reaches(&app, "done").await;
    assert_eq!((attempts, error), (1, None));
    // The token behind the logged link exists (hashed), ready to be used.
    assert_eq!(token_count(&app, user["id"].as_str().unwrap()).await, 1);
    workers.shutdown(Duration::from_secs(5)).await;
}

#[tokio::test]
async fn a_failing_smtp_server_makes_the_delivery_retry_with_a_fresh_token() {
    // A port nothing listens on: bind one, note it, close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (app, workers) = app_with_workers(|s| {
        s.email.smtp_url = Some(Secret::new(format!("smtp://127.0.0.1:{port}")));
        s.email.timeout_ms = 2_000;
        s.jobs.max_attempts = 2;
    })
    .await;
    let user = register(&app, "quinn@example.com").await;
    let (attempts, error) = delivery_reaches(&app, "dead").await;
    assert_eq!(attempts, 2, "retried, not skipped");
    let error = error.unwrap_or_default();
    assert!(error.contains("SMTP"), "{error}");
    // Each attempt minted its own token; none was ever mailed, so none is used.
    assert_eq!(token_count(&app, user["id"].as_str().unwrap()).await, 2);
    workers.shutdown(Duration::from_secs(5)).await;
}

#[tokio::test]
async fn a_refused_registration_queues_no_email() {
    let app = haven_app::testing::builder()
        .build(haven_app::wiring::build_app)
        .await;
    register(&app, "rae@example.com").await;
    let duplicate = crate::post(
        &app,
        "/v1/identity/register",
        &serde_json::json!({"email": "RAE@example.com", "password": crate::PASSWORD}),
    )
    .await;
    duplicate
        .assert_problem(StatusCode::CONFLICT, "email_taken")
        .await;
    // The verification request commits with the account, so the refused one left none.
    let requested: i64 = app
        .ctx
        .db
        .run(|conn| {
            haven_platform::schema::platform_outbox_events::table
                .filter(
                    haven_platform::schema::platform_outbox_events::event_type
                        .eq("identity.email_verification_requested"),
                )
                .count()
                .get_result(conn)
                .map_err(haven_platform::DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(requested, 1);
}
