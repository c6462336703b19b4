//! The client address over a real TCP connection: `X-Forwarded-For` is believed only from
//! `server.trusted_proxies`, and sessions show the coarse network of their last use.

use std::sync::Arc;

use haven_platform::server;
use haven_platform::testing::TestApp;
use serde_json::{Value, json};
use tokio::sync::Notify;

/// Serves the real app on a free port; returns its base URL and a stop handle.
async fn serve(trusted: &[&str]) -> (TestApp, String, Arc<Notify>) {
    let trusted: Vec<String> = trusted.iter().map(|t| (*t).to_owned()).collect();
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.server.trusted_proxies = trusted;
            s.server.drain_delay_ms = 0;
        })
        .build(haven_app::wiring::build_app)
        .await;
    let ctx = app.ctx.clone();
    let bound = server::bind(&ctx).unwrap();
    let base = format!("http://{}", bound.api_addr);
    let stop = Arc::new(Notify::new());
    let http = haven_app::wiring::build_app(&ctx);
    let signal = Arc::clone(&stop);
    tokio::spawn(async move {
        bound
            .serve(&ctx, http, async move { signal.notified().await })
            .await
    });
    (app, base, stop)
}

/// Registers, logs in with `forwarded_for`, and returns the session list's entries.
async fn sessions_after_login(base: &str, forwarded_for: &str) -> Vec<Value> {
    let http = reqwest::Client::new();
    let email = "ip@example.com";
    let password = "correct horse battery staple";
    let created = http
        .post(format!("{base}/v1/identity/register"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let login: Value = http
        .post(format!("{base}/v1/identity/login"))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["access_token"].as_str().unwrap();
    let page: Value = http
        .get(format!("{base}/v1/identity/me/sessions"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    page["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_trusted_proxys_forwarded_address_is_the_client_and_is_shown_coarse() {
    let (_app, base, stop) = serve(&["127.0.0.0/8"]).await;
    let sessions = sessions_after_login(&base, "6.6.6.6, 203.0.113.77").await;
    assert_eq!(sessions[0]["ip_coarse"], "203.0.113.0/24", "{sessions:?}");
    stop.notify_one();
}

#[tokio::test]
async fn an_untrusted_peer_cannot_choose_its_address() {
    let (_app, base, stop) = serve(&[]).await;
    let sessions = sessions_after_login(&base, "203.0.113.77").await;
    assert_eq!(sessions[0]["ip_coarse"], "127.0.0.0/24", "{sessions:?}");
    stop.notify_one();
}
