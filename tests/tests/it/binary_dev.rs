//! The real `haven` binary in development (issue 8, points 5 and 10): keys kept across
//! restarts, commands that migrate first, and `haven seed`.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use diesel::{Connection, RunQueryDsl, SqliteConnection};
use serde_json::{Value, json};

use crate::binary::haven_bin;

const PASSWORD: &str = "correct horse battery staple";

fn url(dir: &Path) -> String {
    format!("sqlite://{}/haven.db", dir.display())
}

/// Runs `haven args…` on the database in `dir`, with `env`, and waits for it.
fn haven(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(haven_bin())
        .args(args)
        .current_dir(dir)
        .env("HAVEN__DATABASE__URL", url(dir))
        .env("HAVEN__TELEMETRY__FORMAT", "json")
        .env_remove("HAVEN_SEED_PASSWORD")
        .env_remove("HAVEN_ADMIN_PASSWORD")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn count(dir: &Path, sql: &str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let path = dir.join("haven.db");
    let mut conn = SqliteConnection::establish(path.to_str().unwrap()).unwrap();
    diesel::sql_query(sql)
        .get_result::<Count>(&mut conn)
        .unwrap()
        .n
}

/// `haven serve` on the database in `dir` with no keys configured: the shared binary
/// harness (`crate::binary::Served`) plus the identity calls these tests make.
struct Served {
    served: crate::binary::Served,
    base: String,
    http: reqwest::Client,
}

impl Served {
    async fn start(dir: &Path) -> Self {
        let served = crate::binary::Served::start(&[
            ("HAVEN__DATABASE__URL", url(dir)),
            ("HAVEN__JOBS__ENABLED", "false".to_owned()),
        ])
        .await;
        Self {
            base: served.base.clone(),
            served,
            http: reqwest::Client::new(),
        }
    }

    async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        self.post_as(None, path, body).await
    }

    async fn post_as(&self, token: Option<&str>, path: &str, body: &Value) -> (u16, Value) {
        let mut req = self.http.post(format!("{}{path}", self.base)).json(body);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        let resp = req.send().await.unwrap();
        (
            resp.status().as_u16(),
            resp.json().await.unwrap_or(Value::Null),
        )
    }

    async fn me(&self, access: &str) -> u16 {
        self.http
            .get(format!("{}/v1/identity/me", self.base))
            .bearer_auth(access)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }

    async fn login(&self, email: &str, password: &str) -> Value {
        let (status, body) = self
            .post(
                "/v1/identity/login",
                &json!({"email": email, "password": password}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }

    /// SIGTERM, and waits for a clean exit.
    async fn stop(mut self) {
        assert_eq!(self.served.terminate().await, Some(0));
    }
}

/// The TOTP code of the 30 s step `offset` steps from now, for the base32 `secret`.
fn totp_code(secret: &str, offset: i64) -> String {
    use totp_rs::{Algorithm, Secret, TOTP};
    let secret = Secret::Encoded(secret.to_owned()).to_bytes().unwrap();
    let totp = TOTP::new_unchecked(Algorithm::SHA1, 6, 0, 30, secret, None, String::new());
    let step = chrono::Utc::now().timestamp() / 30 + offset;
    totp.generate(u64::try_from(step * 30).unwrap())
}

#[tokio::test]
async fn a_restarted_development_server_keeps_sessions_and_second_factors_valid() {
    let dir = tempfile::tempdir().unwrap();
    let first = Served::start(dir.path()).await;
    let (status, _) = first
        .post(
            "/v1/identity/register",
            &json!({"email": "dev@example.com", "password": PASSWORD}),
        )
        .await;
    assert_eq!(status, 201);
    let tokens = first.login("dev@example.com", PASSWORD).await;
    let access = tokens["access_token"].as_str().unwrap().to_owned();
    let refresh = tokens["refresh_token"].as_str().unwrap().to_owned();
    assert_eq!(first.me(&access).await, 200);
    // A second factor enrolled before the restart (its secret is encrypted at rest).
    let (status, started) = first
        .post_as(Some(&access), "/v1/identity/me/mfa/totp", &json!({}))
        .await;
    assert_eq!(status, 201, "{started}");
    let secret = started["secret"].as_str().unwrap().to_owned();
    let (status, body) = first
        .post_as(
            Some(&access),
            "/v1/identity/me/mfa/totp/confirm",
            &json!({"code": totp_code(&secret, -1)}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    first.stop().await;

    // The keys are in the database's directory, readable by the owner only.
    let keys = dir
        .path()
        .join(haven_platform::auth::dev_keys::DEV_KEYS_FILE);
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&keys).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let kept = std::fs::read(&keys).unwrap();

    let second = Served::start(dir.path()).await;
    assert_eq!(second.me(&access).await, 200, "the old access token");
    let (status, body) = second
        .post(
            "/v1/identity/token/refresh",
            &json!({"refresh_token": refresh}),
        )
        .await;
    assert_eq!(status, 200, "the old refresh token: {body}");
    // The second factor is still readable: the login step-up accepts a fresh code.
    let challenge = second.login("dev@example.com", PASSWORD).await;
    assert_eq!(challenge["status"], "mfa_required", "{challenge}");
    let (status, body) = second
        .post(
            "/v1/identity/login/mfa",
            &json!({"mfa_token": challenge["mfa_token"], "code": totp_code(&secret, 0)}),
        )
        .await;
    assert_eq!(status, 200, "the second factor after a restart: {body}");
    second.stop().await;
    assert_eq!(
        std::fs::read(&keys).unwrap(),
        kept,
        "the keys were not replaced"
    );
}

#[tokio::test]
async fn create_user_on_a_fresh_database_migrates_first_and_the_user_can_log_in() {
    let dir = tempfile::tempdir().unwrap();
    let out = haven(
        dir.path(),
        &[
            "admin",
            "create-user",
            "--email",
            "root@example.com",
            "--role",
            "admin",
        ],
        &[("HAVEN_ADMIN_PASSWORD", PASSWORD)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        count(dir.path(), "SELECT count(*) AS n FROM identity_users"),
        1
    );

    let served = Served::start(dir.path()).await;
    let tokens = served.login("root@example.com", PASSWORD).await;
    assert!(tokens["access_token"].is_string());
    served.stop().await;
}

#[test]
fn without_migrate_on_start_commands_refuse_a_stale_schema() {
    let dir = tempfile::tempdir().unwrap();
    let off = [("HAVEN__DATABASE__MIGRATE_ON_START", "false")];
    let out = haven(dir.path(), &["seed"], &off);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("haven migrate"), "{}", stderr(&out));
    // After `haven migrate`, the same command works.
    assert!(haven(dir.path(), &["migrate"], &off).status.success());
    let out = haven(dir.path(), &["seed"], &off);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[tokio::test]
async fn seed_migrates_adds_the_demo_data_once_and_the_demo_admin_can_log_in() {
    let dir = tempfile::tempdir().unwrap();
    let password = [("HAVEN_SEED_PASSWORD", PASSWORD)];
    let users = "SELECT count(*) AS n FROM identity_users";
    let orgs = "SELECT count(*) AS n FROM identity_organizations";
    let admins = "SELECT count(*) AS n FROM identity_user_roles WHERE role = 'admin'";

    let first = haven(dir.path(), &["seed"], &password);
    assert!(first.status.success(), "{}", stderr(&first));
    let stdout = String::from_utf8(first.stdout).unwrap();
    assert!(
        !stdout.contains(PASSWORD),
        "the password given is not echoed"
    );
    let created: i64 = stdout
        .lines()
        .find_map(|l| l.strip_prefix("identity: ")?.strip_suffix(" created"))
        .unwrap_or_else(|| panic!("{stdout}"))
        .parse()
        .unwrap();
    let state = |dir: &Path| (count(dir, users), count(dir, orgs), count(dir, admins));
    let (seeded_users, seeded_orgs, seeded_admins) = state(dir.path());
    assert_eq!(seeded_users + seeded_orgs, created, "{stdout}");
    assert!(seeded_users >= 3 && seeded_orgs == 1 && seeded_admins == 1);
    // The demo accounts are listed, the admin first.
    let admin = stdout
        .split("demo accounts ")
        .nth(1)
        .and_then(|rest| rest.split([',', ' ']).next())
        .unwrap_or_else(|| panic!("{stdout}"))
        .to_owned();

    let second = haven(dir.path(), &["seed"], &password);
    assert!(second.status.success(), "{}", stderr(&second));
    let stdout = String::from_utf8(second.stdout).unwrap();
    assert!(stdout.contains("identity: 0 created"), "{stdout}");
    assert_eq!(
        state(dir.path()),
        (seeded_users, seeded_orgs, seeded_admins),
        "nothing added"
    );

    let served = Served::start(dir.path()).await;
    served.login(&admin, PASSWORD).await;
    served.stop().await;
}

#[test]
fn seed_without_a_password_generates_and_prints_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = haven(dir.path(), &["seed"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = stdout
        .lines()
        .find(|l| l.contains("demo accounts"))
        .unwrap_or_else(|| panic!("{stdout}"));
    let password = line
        .split("password ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap();
    assert!(password.len() >= 32, "{line}");
}
