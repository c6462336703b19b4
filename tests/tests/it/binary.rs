//! The real `haven` binary: CLI behaviour, and the "done when" checks of the platform
//! issue over real TCP (404 problem, malformed JSON, 2 MiB body, SIGTERM → exit 0).

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

/// The binary next to this test executable (`target/<profile>/haven`), or `HAVEN_BIN`.
fn haven_bin() -> PathBuf {
    if let Ok(bin) = std::env::var("HAVEN_BIN") {
        return PathBuf::from(bin);
    }
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let bin = profile_dir.join("haven");
    assert!(
        bin.exists(),
        "{} missing: build it with `cargo build -p haven-app`",
        bin.display()
    );
    bin
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn config_check_prints_redacted_settings_and_names_a_bad_key() {
    let ok = Command::new(haven_bin())
        .args(["config", "check"])
        .env(
            "HAVEN__DATABASE__URL",
            "postgres://app:hunter2@db.internal/haven",
        )
        .output()
        .unwrap();
    assert!(ok.status.success());
    let out = String::from_utf8(ok.stdout).unwrap();
    assert!(
        out.contains("postgres://app:***@db.internal/haven"),
        "{out}"
    );
    assert!(!out.contains("hunter2"));

    let bad = Command::new(haven_bin())
        .args(["config", "check"])
        .env("HAVEN__TELEMETRY__FORMAT", "xml")
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8(bad.stderr).unwrap();
    assert!(
        err.contains("telemetry.format") && err.contains("pretty"),
        "{err}"
    );
}

#[test]
fn openapi_needs_no_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("spec.json");
    let status = Command::new(haven_bin())
        .args(["openapi", "--out"])
        .arg(&out)
        .env("HAVEN__DATABASE__URL", "postgres://nobody@127.0.0.1:1/none")
        .status()
        .unwrap();
    assert!(status.success());
    let spec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert!(spec["paths"]["/v1/meta"]["get"].is_object());
}

#[tokio::test]
async fn the_binary_serves_problems_limits_bodies_and_exits_0_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let (port, admin_port) = (free_port(), free_port());
    let mut child = tokio::process::Command::new(haven_bin())
        .arg("serve")
        .env("HAVEN__SERVER__ADDR", format!("127.0.0.1:{port}"))
        .env(
            "HAVEN__SERVER__ADMIN_ADDR",
            format!("127.0.0.1:{admin_port}"),
        )
        .env(
            "HAVEN__DATABASE__URL",
            format!("sqlite://{}/haven.db", dir.path().display()),
        )
        .env("HAVEN__SERVER__DRAIN_DELAY_MS", "0")
        .env("HAVEN__TELEMETRY__FORMAT", "json")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    // Wait for the process to listen: bounded polling of a subprocess, not a sleep-as-sync.
    let mut ready = false;
    for _ in 0..200 {
        if let Ok(r) = http
            .get(format!("http://127.0.0.1:{admin_port}/health/ready"))
            .send()
            .await
            && r.status() == 200
        {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(ready, "haven did not become ready");

    let resp = http.get(format!("{base}/nope")).send().await.unwrap();
    assert_eq!(resp.status(), 404);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    let body: serde_json::Value = resp.json().await.unwrap();
    assert!(body["request_id"].as_str().is_some_and(|r| !r.is_empty()));

    let two_mib = vec![b'{'; 2 * 1024 * 1024];
    let resp = http
        .post(format!("{base}/v1/meta"))
        .header("content-type", "application/json")
        .body(two_mib.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 413);
    // Chunked, without Content-Length.
    let stream = futures_util::stream::iter(
        two_mib
            .chunks(64 * 1024)
            .map(|c| Ok::<_, std::io::Error>(c.to_vec()))
            .collect::<Vec<_>>(),
    );
    let resp = http
        .post(format!("{base}/v1/meta"))
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await;
    // The server may answer 413 and close before the client finished sending.
    if let Ok(resp) = resp {
        assert_eq!(resp.status(), 413);
    }

    let metrics = http
        .get(format!("http://127.0.0.1:{admin_port}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("haven_build_info{"), "{metrics}");

    let pid = child.id().unwrap();
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = tokio::time::timeout(Duration::from_secs(30), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status.code(), Some(0), "{status:?}");
}
