//! `POST /v1/identity/me/export` and `/v1/identity/me/exports/{id}`: every mounted
//! module's data in one document, downloaded once by its owner only, purged on expiry.

use diesel::prelude::*;
use haven_identity::schema::identity_exports;
use haven_platform::jobs::{self, NewJob};
use haven_platform::schema::platform_jobs;
use haven_platform::testing::{AssertProblem, Login, wait_until};
use haven_platform::time::now_utc;
use poem::http::{Method, StatusCode};
use serde_json::Value;

use crate::privacy_support::{Probe, WAIT, app_with, call, query, workers};
use crate::{PASSWORD, post, register, security_events};

async fn export_state(app: &haven_platform::testing::TestApp, tokens: &Value, id: &str) -> Value {
    let resp = call(
        app,
        Method::GET,
        &format!("/v1/identity/me/exports/{id}"),
        tokens,
        None,
    )
    .await;
    resp.assert_status_is_ok();
    resp.json().await.value().deserialize()
}

#[tokio::test]
async fn an_export_holds_every_module_and_is_downloaded_once_by_its_owner_only() {
    let probe = Probe::new(true);
    let app = app_with(&probe).await;
    let alice = register(&app, "alice@example.com").await;
    let alice_id = alice["id"].as_str().unwrap().to_owned();
    register(&app, "bob@example.com").await;
    let a = app
        .sign_in_as(Login::new("alice@example.com", PASSWORD).device("laptop"))
        .await
        .body;
    let b = app
        .sign_in_as(Login::new("bob@example.com", PASSWORD).device("laptop"))
        .await
        .body;

    // No token: 401 problem, nothing recorded.
    post(&app, "/v1/identity/me/export", &Value::Null)
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;

    let resp = call(&app, Method::POST, "/v1/identity/me/export", &a, None).await;
    resp.assert_status(StatusCode::ACCEPTED);
    let export: Value = resp.json().await.value().deserialize();
    let id = export["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("exp_"), "{export}");
    assert_eq!(export["state"], "pending");

    // Before the job ran: pending, and a download is a precise 409.
    let download = format!("/v1/identity/me/exports/{id}/download");
    call(&app, Method::GET, &download, &a, None)
        .await
        .assert_problem(StatusCode::CONFLICT, "export_not_ready")
        .await;
    assert_eq!(export_state(&app, &a, &id).await["state"], "pending");

    let runtime = workers(&app);
    wait_until(WAIT, "the export is ready", || async {
        export_state(&app, &a, &id).await["state"] == "ready"
    })
    .await;
    runtime.shutdown(crate::privacy_support::WAIT).await;

    // Someone else's export does not exist for them, and their attempt takes nothing.
    let status = format!("/v1/identity/me/exports/{id}");
    call(&app, Method::GET, &status, &b, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    call(&app, Method::GET, &download, &b, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;

    let resp = call(&app, Method::GET, &download, &a, None).await;
    resp.assert_status_is_ok();
    resp.assert_header("cache-control", "no-store");
    resp.assert_header(
        "content-disposition",
        format!("attachment; filename=\"haven-export-{id}.json\""),
    );
    let document: Value = resp.json().await.value().deserialize();
    assert_eq!(document["format"], "haven.user_export.v1");
    assert_eq!(document["user_id"], alice_id.as_str());
    let modules = document["modules"].as_object().unwrap();
    let mut expected = crate::privacy_support::covered_modules(&app);
    expected.sort();
    let mut keys: Vec<String> = modules.keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, expected, "{document}");
    let identity = &modules["identity"];
    assert_eq!(identity["status"], "exported");
    assert_eq!(identity["data"]["account"]["email"], "alice@example.com");
    let sessions = identity["data"]["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["device_label"], "laptop");
    assert!(
        identity["data"]["security_events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "export_requested"),
        "{identity}"
    );
    assert_eq!(modules["probe"]["status"], "exported");
    assert_eq!(modules["probe"]["data"]["probe_of"], alice_id.as_str());
    assert_eq!(
        modules["quiet"],
        serde_json::json!({"status": "nothing_stored"})
    );
    assert_eq!(probe.calls(), [("export", alice_id.clone())]);

    // Once only.
    call(&app, Method::GET, &download, &a, None)
        .await
        .assert_problem(StatusCode::GONE, "export_already_downloaded")
        .await;
    let state = export_state(&app, &a, &id).await;
    assert_eq!(state["state"], "downloaded");
    assert!(state["downloaded_at"].is_string(), "{state}");

    // The document is gone from the database; the request and download are audited.
    let row_id = id.clone();
    let (payload, downloaded_at): (Option<String>, Option<chrono::NaiveDateTime>) =
        query(&app, move |conn| {
            identity_exports::table
                .find(row_id)
                .select((identity_exports::payload, identity_exports::downloaded_at))
                .first(conn)
        })
        .await;
    assert!(payload.is_none());
    assert!(downloaded_at.is_some());
    let events = security_events(&app, &alice_id).await;
    assert_eq!(
        events
            .iter()
            .filter(|k| k.starts_with("export_"))
            .collect::<Vec<_>>(),
        ["export_requested", "export_downloaded"]
    );
}

#[tokio::test]
async fn an_unknown_export_is_a_404_and_a_malformed_id_a_400_problem() {
    let app = app_with(&Probe::new(true)).await;
    register(&app, "alice@example.com").await;
    let a = app
        .sign_in_as(Login::new("alice@example.com", PASSWORD).device("laptop"))
        .await
        .body;
    let unknown = format!(
        "/v1/identity/me/exports/{}",
        haven_identity::exports::model::ExportId::new()
    );
    call(&app, Method::GET, &unknown, &a, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    // An id of another kind is malformed: 400, as every typed id.
    let malformed = "/v1/identity/me/exports/usr_01jh0000000000000000000000/download";
    call(&app, Method::GET, malformed, &a, None)
        .await
        .assert_problem(StatusCode::BAD_REQUEST, "bad_request")
        .await;
}

#[tokio::test]
async fn an_expired_export_cannot_be_downloaded_and_the_purge_job_deletes_it() {
    let app = app_with(&Probe::new(true)).await;
    register(&app, "alice@example.com").await;
    let a = app
        .sign_in_as(Login::new("alice@example.com", PASSWORD).device("laptop"))
        .await
        .body;
    let resp = call(&app, Method::POST, "/v1/identity/me/export", &a, None).await;
    resp.assert_status(StatusCode::ACCEPTED);
    let id = resp.json().await.value().deserialize::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // A second export that is not expired survives the purge.
    let resp = call(&app, Method::POST, "/v1/identity/me/export", &a, None).await;
    let fresh = resp.json().await.value().deserialize::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let runtime = workers(&app);
    wait_until(WAIT, "both exports are ready", || async {
        export_state(&app, &a, &id).await["state"] == "ready"
            && export_state(&app, &a, &fresh).await["state"] == "ready"
    })
    .await;

    let expired = id.clone();
    query(&app, move |conn| {
        diesel::update(identity_exports::table.find(expired))
            .set(identity_exports::expires_at.eq(now_utc() - chrono::Duration::seconds(1)))
            .execute(conn)
    })
    .await;
    assert_eq!(export_state(&app, &a, &id).await["state"], "expired");
    let download = format!("/v1/identity/me/exports/{id}/download");
    call(&app, Method::GET, &download, &a, None)
        .await
        .assert_problem(StatusCode::GONE, "export_expired")
        .await;

    // What the hourly schedule enqueues.
    let job = query(&app, |conn| {
        jobs::enqueue(
            conn,
            NewJob::new(
                haven_identity::exports::service::PURGE_EXPORTS_JOB,
                &serde_json::json!({}),
            )
            .unwrap(),
        )
    })
    .await
    .to_string();
    wait_until(WAIT, "the purge job is done", || {
        let job = job.clone();
        let app = &app;
        async move {
            query(app, move |conn| {
                platform_jobs::table
                    .find(job)
                    .select(platform_jobs::state)
                    .first::<String>(conn)
            })
            .await
                == "done"
        }
    })
    .await;
    runtime.shutdown(crate::privacy_support::WAIT).await;

    (call(
        &app,
        Method::GET,
        &format!("/v1/identity/me/exports/{id}"),
        &a,
        None,
    )
    .await)
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    let remaining: Vec<String> = query(&app, |conn| {
        identity_exports::table
            .select(identity_exports::id)
            .load(conn)
    })
    .await;
    assert_eq!(remaining, [fresh]);
}

#[tokio::test]
async fn concurrent_downloads_hand_the_document_out_once() {
    let app = app_with(&Probe::new(true)).await;
    let alice = register(&app, "alice@example.com").await;
    let a = app
        .sign_in_as(Login::new("alice@example.com", PASSWORD).device("laptop"))
        .await
        .body;
    let resp = call(&app, Method::POST, "/v1/identity/me/export", &a, None).await;
    resp.assert_status(StatusCode::ACCEPTED);
    let id = resp.json().await.value().deserialize::<Value>()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let runtime = workers(&app);
    wait_until(WAIT, "the export is ready", || async {
        export_state(&app, &a, &id).await["state"] == "ready"
    })
    .await;
    runtime.shutdown(crate::privacy_support::WAIT).await;

    let download = format!("/v1/identity/me/exports/{id}/download");
    let responses = futures_util::future::join_all(
        (0..6).map(|_| call(&app, Method::GET, &download, &a, None)),
    )
    .await;
    let mut statuses: Vec<u16> = responses.iter().map(|r| r.0.status().as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 410, 410, 410, 410, 410]);
    let downloads = security_events(&app, alice["id"].as_str().unwrap())
        .await
        .into_iter()
        .filter(|k| k == "export_downloaded")
        .count();
    assert_eq!(downloads, 1);
}
