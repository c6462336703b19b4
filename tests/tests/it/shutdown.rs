//! Graceful shutdown: readiness turns false at once, in-flight requests finish, and what
//! outlasts the grace period is cut off.

use std::sync::Arc;

use haven_platform::server;
use tokio::sync::Notify;

use crate::probe::{Gates, ProbeApi};

/// A real server of the probe app (listeners on port 0) and what a test needs to drive it.
struct Serving {
    base: String,
    admin: String,
    gates: Arc<Gates>,
    stop: Arc<Notify>,
    serving: tokio::task::JoinHandle<anyhow::Result<()>>,
}

async fn serve(drain_delay_ms: u64, shutdown_grace_ms: u64) -> Serving {
    let gates = Arc::new(Gates::default());
    let g = Arc::clone(&gates);
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.server.drain_delay_ms = drain_delay_ms;
            s.server.shutdown_grace_ms = shutdown_grace_ms;
        })
        .build(|ctx| {
            haven_app::wiring::build_app_with(
                ctx,
                ProbeApi {
                    db: ctx.db.clone(),
                    gates: g,
                },
            )
        })
        .await;
    let ctx = app.ctx.clone();
    let bound = server::bind(&ctx).unwrap();
    let base = format!("http://{}", bound.api_addr);
    let admin = format!("http://{}", bound.admin_addr);
    let stop = Arc::new(Notify::new());
    let serving = tokio::spawn({
        let stop = Arc::clone(&stop);
        let ctx = ctx.clone();
        let http = haven_app::wiring::build_app_with(
            &ctx,
            ProbeApi {
                db: ctx.db.clone(),
                gates: Arc::clone(&gates),
            },
        );
        async move {
            // Keeps the test app (and its database) alive while serving.
            let _app = app;
            bound
                .serve(&ctx, http, async move { stop.notified().await })
                .await
        }
    });
    Serving {
        base,
        admin,
        gates,
        stop,
        serving,
    }
}

#[tokio::test]
async fn an_in_flight_request_completes_during_shutdown() {
    let Serving {
        base,
        admin,
        gates,
        stop,
        serving,
    } = serve(100, 10_000).await;

    let http = reqwest::Client::new();
    assert_eq!(
        http.get(format!("{admin}/health/ready"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let started = gates.started.notified();
    let slow = tokio::spawn(http.get(format!("{base}/v1/test/slow")).send());
    started.await;

    stop.notify_one();
    // Readiness flips before the listeners stop; poll it (each poll is a real request).
    let mut saw_503 = false;
    for _ in 0..200 {
        match http.get(format!("{admin}/health/ready")).send().await {
            Ok(r) if r.status() == 503 => {
                saw_503 = true;
                break;
            }
            Ok(_) => tokio::task::yield_now().await,
            Err(_) => break,
        }
    }
    assert!(saw_503, "readiness never turned 503 while draining");

    gates.release.notify_one();
    let resp = slow.await.unwrap().unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.text().await.unwrap(), "\"finished\"");
    serving.await.unwrap().unwrap();
    // Once stopped, nothing accepts connections.
    assert!(http.get(format!("{base}/v1/meta")).send().await.is_err());
}

#[tokio::test]
async fn a_request_still_running_when_the_grace_period_ends_is_cut_off() {
    let Serving {
        base,
        gates,
        stop,
        serving,
        ..
    } = serve(0, 200).await;
    let http = reqwest::Client::new();
    let started = gates.started.notified();
    let stuck = tokio::spawn(http.get(format!("{base}/v1/test/slow")).send());
    started.await;

    stop.notify_one();
    // Never released: only the grace period can end the serving.
    serving.await.unwrap().unwrap();
    assert!(
        stuck.await.unwrap().is_err(),
        "the cut-off request got an answer"
    );
    assert!(http.get(format!("{base}/v1/meta")).send().await.is_err());
}
