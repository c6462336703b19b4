//! Probes and `/metrics`.

use haven_platform::server::admin_app;
use haven_platform::testing::AssertProblem;
use poem::http::StatusCode;
use poem::test::TestClient;

use crate::probe::app;

#[tokio::test]
async fn ready_when_migrated_and_not_ready_when_migrations_are_pending() {
    let (app, _) = app().await;
    app.client
        .get("/health/live")
        .send()
        .await
        .assert_status_is_ok();
    let resp = app.client.get("/health/ready").send().await;
    resp.assert_status_is_ok();
    resp.assert_json(serde_json::json!({"status": "ready"}))
        .await;

    let empty = haven_app::testing::builder()
        .unmigrated()
        .build(haven_app::wiring::build_app)
        .await;
    let resp = empty.client.get("/health/ready").send().await;
    resp.assert_header("retry-after", "1");
    let body = resp
        .assert_problem(StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        .await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("migrations pending"),
        "{body}"
    );
    // Migrating makes the same node ready without a restart.
    haven_platform::db::run_migrations(&empty.ctx.db)
        .await
        .unwrap();
    empty
        .client
        .get("/health/ready")
        .send()
        .await
        .assert_status_is_ok();
}

#[tokio::test]
async fn draining_turns_readiness_false_on_both_listeners() {
    let (app, _) = app().await;
    let admin = TestClient::new(admin_app(&app.ctx));
    admin
        .get("/health/ready")
        .send()
        .await
        .assert_status_is_ok();
    app.ctx.health.start_draining();
    app.client
        .get("/health/ready")
        .send()
        .await
        .assert_problem(StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        .await;
    admin
        .get("/health/ready")
        .send()
        .await
        .assert_problem(StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        .await;
    // Liveness is about the process, not traffic: still fine.
    admin.get("/health/live").send().await.assert_status_is_ok();
}

#[tokio::test]
async fn metrics_use_route_templates_never_raw_paths() {
    let (app, _) = app().await;
    haven_platform::observability::metrics::install();
    let id = "thg_01h455vb4pex5vsknk084sn02q";
    app.client
        .get(format!("/v1/test/things/{id}"))
        .send()
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    app.client
        .get("/v1/meta?token=abc")
        .send()
        .await
        .assert_status_is_ok();
    app.client
        .get("/some/random/path")
        .send()
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    haven_platform::observability::metrics::record_build_info(&app.ctx.build);

    let admin = TestClient::new(admin_app(&app.ctx));
    let resp = admin.get("/metrics").send().await;
    resp.assert_status_is_ok();
    let text = resp.0.into_body().into_string().await.unwrap();
    assert!(
        text.contains(r#"http_server_requests_total{method="GET",route="/v1/test/things/{id}",status="404"} 1"#),
        "{text}"
    );
    assert!(
        text.contains(r#"route="/v1/meta",status="200"} 1"#),
        "{text}"
    );
    assert!(
        text.contains(r#"route="unmatched",status="404"} 1"#),
        "{text}"
    );
    assert!(
        text.contains("http_server_request_duration_seconds_bucket"),
        "{text}"
    );
    assert!(
        !text.contains(id) && !text.contains("token") && !text.contains("random"),
        "{text}"
    );
    assert!(
        text.contains(r#"haven_db_pool_size{pool="primary"}"#),
        "{text}"
    );
    assert!(
        text.contains(r#"haven_db_pool_waiting{pool="primary"}"#),
        "{text}"
    );
    assert!(
        text.contains(r#"haven_build_info{version="0.0.0-test",commit="test"} 1"#),
        "{text}"
    );
}

#[tokio::test]
async fn haven_ready_follows_readiness_at_every_scrape() {
    let (app, _) = app().await;
    let admin = TestClient::new(admin_app(&app.ctx));
    let scrape = || async {
        let resp = admin.get("/metrics").send().await;
        resp.assert_status_is_ok();
        resp.0.into_body().into_string().await.unwrap()
    };
    let text = scrape().await;
    assert!(text.lines().any(|l| l == "haven_ready 1"), "{text}");
    app.ctx.health.start_draining();
    let text = scrape().await;
    assert!(text.lines().any(|l| l == "haven_ready 0"), "{text}");
}
