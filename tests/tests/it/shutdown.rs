//! Graceful shutdown: readiness turns false at once, in-flight requests finish.

use std::sync::Arc;

use haven_platform::server;
use tokio::sync::Notify;

use crate::probe::{Gates, ProbeApi};

#[tokio::test]
async fn an_in_flight_request_completes_during_shutdown() {
    let gates = Arc::new(Gates::default());
    let g = Arc::clone(&gates);
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.server.drain_delay_ms = 100;
            s.server.shutdown_grace_ms = 10_000;
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
            bound
                .serve(&ctx, http, async move { stop.notified().await })
                .await
        }
    });

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
