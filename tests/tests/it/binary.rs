//! The real `haven` binary: CLI behaviour, and the "done when" checks of the platform
//! issue over real TCP (404 problem, malformed JSON, 2 MiB body, SIGTERM → exit 0).

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use haven_platform::testing::wait_until;
use tokio::sync::Notify;

/// The binary next to this test executable (`target/<profile>/haven`), or `HAVEN_BIN`.
pub(crate) fn haven_bin() -> PathBuf {
    if let Ok(bin) = std::env::var("HAVEN_BIN") {
        // Absolute: the servers run in their own temporary directories.
        return std::path::absolute(&bin).unwrap();
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

pub(crate) fn free_port() -> u16 {
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

/// A `haven serve` child process on free ports and a temp SQLite database.
pub(crate) struct Served {
    pub(crate) child: tokio::process::Child,
    pub(crate) base: String,
    admin: String,
    dir: tempfile::TempDir,
}

impl Served {
    pub(crate) async fn start(env: &[(&str, String)]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let (port, admin_port) = (free_port(), free_port());
        let child = tokio::process::Command::new(haven_bin())
            .arg("serve")
            // Relative default paths (the media directory) land in the test's own dir.
            .current_dir(dir.path())
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
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let served = Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
            admin: format!("http://127.0.0.1:{admin_port}"),
            dir,
        };
        // A subprocess has no readiness hook but its probe.
        let http = reqwest::Client::new();
        let ready = format!("{}/health/ready", served.admin);
        wait_until(Duration::from_secs(10), "haven is ready", || async {
            http.get(&ready)
                .send()
                .await
                .is_ok_and(|r| r.status() == 200)
        })
        .await;
        served
    }

    /// Rows in `platform_nodes` of the child's database.
    fn registered_nodes(&self) -> i64 {
        use diesel::{Connection, RunQueryDsl, SqliteConnection};
        let path = self.dir.path().join("haven.db");
        let mut conn = SqliteConnection::establish(path.to_str().unwrap()).unwrap();
        diesel::sql_query("SELECT count(*) AS n FROM platform_nodes")
            .get_result::<Count>(&mut conn)
            .unwrap()
            .n
    }

    /// Sends SIGTERM and returns the exit code.
    pub(crate) async fn terminate(&mut self) -> Option<i32> {
        let pid = self.child.id().unwrap();
        let killed = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = tokio::time::timeout(Duration::from_secs(30), self.child.wait())
            .await
            .unwrap()
            .unwrap();
        status.code()
    }
}

#[tokio::test]
async fn the_binary_serves_problems_limits_bodies_and_exits_0_on_sigterm() {
    let mut served = Served::start(&[]).await;
    assert_eq!(served.registered_nodes(), 1, "serve registers its node");
    let base = served.base.clone();
    let http = reqwest::Client::new();

    let resp = http.get(format!("{base}/nope")).send().await.unwrap();
    assert_eq!(resp.status(), 404);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    let body: serde_json::Value = resp.json().await.unwrap();
    assert!(body["request_id"].as_str().is_some_and(|r| !r.is_empty()));
    assert_eq!(body["code"], "not_found", "{body}");

    let resp = http
        .post(format!("{base}/v1/meta"))
        .header("content-type", "application/json")
        .body("{\"broken\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 405, "only GET is routed on /v1/meta");
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["code"], "method_not_allowed", "{body}");

    let two_mib = vec![b'{'; 2 * 1024 * 1024];
    // The answer comes from the head alone: the body is never sent (a client still
    // sending it when the server answers and closes sees a broken pipe instead).
    let (status, head, body) = answer_to_head(&base, "/v1/meta", two_mib.len()).await;
    assert_eq!(status, 413, "{head}");
    assert!(
        head.contains("content-type: application/problem+json"),
        "{head}"
    );
    assert_eq!(body["code"], "payload_too_large", "{body}");
    // Chunked, without Content-Length.
    let chunks: Vec<_> = two_mib
        .chunks(64 * 1024)
        .map(|c| Ok::<_, std::io::Error>(c.to_vec()))
        .collect();
    let resp = http
        .post(format!("{base}/v1/meta"))
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await;
    // The server may answer 413 and close before the client finished sending.
    if let Ok(resp) = resp {
        assert_eq!(resp.status(), 413);
    }

    let metrics = http
        .get(format!("{}/metrics", served.admin))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("haven_build_info{"), "{metrics}");

    assert_eq!(served.terminate().await, Some(0));
    assert_eq!(
        served.registered_nodes(),
        0,
        "a clean shutdown deregisters the node"
    );
}

/// What the OTLP collector stand-in received.
#[derive(Default)]
struct Collected {
    bodies: Mutex<Vec<Vec<u8>>>,
    arrived: Notify,
}

#[poem::handler]
async fn collect(collected: poem::web::Data<&Arc<Collected>>, bytes: Vec<u8>) -> &'static str {
    collected.0.bodies.lock().unwrap().push(bytes);
    collected.0.arrived.notify_one();
    ""
}

#[tokio::test]
async fn spans_are_exported_over_otlp_under_the_callers_trace_id() {
    use poem::EndpointExt;
    let collected = Arc::new(Collected::default());
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let collector = format!("http://{}", listener.local_addr().unwrap());
    let acceptor = poem::listener::TcpAcceptor::from_std(listener).unwrap();
    let app = poem::Route::new()
        .at("/v1/traces", poem::post(collect))
        .data(Arc::clone(&collected));
    tokio::spawn(poem::Server::new_with_acceptor(acceptor).run(app));

    let mut served = Served::start(&[("HAVEN__TELEMETRY__OTLP_ENDPOINT", collector)]).await;
    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let resp = reqwest::Client::new()
        .get(format!("{}/v1/meta", served.base))
        .header("traceparent", format!("00-{trace_id}-00f067aa0ba902b7-01"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let arrived = collected.arrived.notified();
    // Shutdown flushes the batch exporter.
    assert_eq!(served.terminate().await, Some(0));
    tokio::time::timeout(Duration::from_secs(10), arrived)
        .await
        .expect("no spans exported");

    let raw: Vec<u8> = (0..16)
        .map(|i| u8::from_str_radix(&trace_id[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    let bodies = collected.bodies.lock().unwrap();
    assert!(
        bodies
            .iter()
            .any(|b| b.windows(16).any(|w| w == raw.as_slice())),
        "no exported span carries the caller's trace id"
    );
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[test]
fn migrate_applies_the_embedded_migrations() {
    use diesel::{Connection, RunQueryDsl, SqliteConnection};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("haven.db");
    let status = Command::new(haven_bin())
        .arg("migrate")
        .env("HAVEN__DATABASE__URL", format!("sqlite://{}", db.display()))
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let mut conn = SqliteConnection::establish(db.to_str().unwrap()).unwrap();
    let applied = diesel::sql_query("SELECT count(*) AS n FROM __diesel_schema_migrations")
        .get_result::<Count>(&mut conn)
        .unwrap()
        .n;
    let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations/sqlite"))
        .unwrap()
        .count();
    assert_eq!(applied as usize, on_disk);
    let nodes = diesel::sql_query("SELECT count(*) AS n FROM platform_nodes")
        .get_result::<Count>(&mut conn)
        .unwrap()
        .n;
    assert_eq!(nodes, 0);
}

#[derive(diesel::QueryableByName)]
struct Roles {
    #[diesel(sql_type = diesel::sql_types::Text)]
    roles: String,
}

#[test]
fn admin_create_user_bootstraps_an_admin_with_the_password_from_stdin() {
    use std::io::Write;

    use diesel::{Connection, RunQueryDsl, SqliteConnection};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("haven.db");
    let url = format!("sqlite://{}", db.display());
    let haven = |args: &[&str], stdin: &str| {
        let mut child = Command::new(haven_bin())
            .args(args)
            .env("HAVEN__DATABASE__URL", &url)
            .env_remove("HAVEN_ADMIN_PASSWORD")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    assert!(haven(&["migrate"], "").status.success());
    let create = [
        "admin",
        "create-user",
        "--email",
        "Root@Example.com",
        "--role",
        "admin",
        "--role",
        "member",
    ];
    let out = haven(&create, "an admin passphrase\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Logs share stdout; the id is a line of its own.
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().any(|l| l.starts_with("usr_")), "{stdout}");

    let mut conn = SqliteConnection::establish(db.to_str().unwrap()).unwrap();
    let roles: Vec<String> =
        diesel::sql_query("SELECT role AS roles FROM identity_user_roles ORDER BY role")
            .load::<Roles>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|r| r.roles)
            .collect();
    assert_eq!(roles, ["admin", "member"]);

    // A second time: the email is taken; a short password breaks the policy; neither
    // echoes the password.
    let out = haven(&create, "an admin passphrase\n");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        err.contains("already exists") && !err.contains("passphrase"),
        "{err}"
    );
    let mut other = create;
    other[3] = "other@example.com";
    let out = haven(&other, "short\n");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        err.contains("at least 12") && !err.contains("short\n"),
        "{err}"
    );
}

/// Sends `POST path` announcing `length` bytes of JSON without sending them, and reads
/// the answer: status, head (lower-cased) and JSON body.
async fn answer_to_head(base: &str, path: &str, length: usize) -> (u16, String, serde_json::Value) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\n\
         content-length: {length}\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let mut chunk = [0u8; 4096];
    let (head, body) = loop {
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut chunk))
            .await
            .expect("an answer within 10 s")
            .unwrap();
        assert!(
            n > 0,
            "closed before a whole answer: {:?}",
            String::from_utf8_lossy(&answer)
        );
        answer.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&answer).into_owned();
        let Some((head, body)) = text.split_once("\r\n\r\n") else {
            continue;
        };
        let head = head.to_ascii_lowercase();
        let expected: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length: "))
            .expect("a content-length")
            .trim()
            .parse()
            .unwrap();
        if body.len() >= expected {
            break (head, body.to_owned());
        }
    };
    let status = head[9..12].parse().unwrap();
    (status, head, serde_json::from_str(&body).unwrap())
}
