//! The SMTP catcher the email tests of every domain send to: `scripts/smtp-catcher.py` (aiosmtpd), which
//! stores each message as files. `scripts/test` starts one and exports
//! `HAVEN_TEST_SMTP_URL` and `HAVEN_TEST_SMTP_DIR`; without them a test starts its own,
//! except under `CI`, where their absence is a failure.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

/// Environment variable with the catcher's `smtp://host:port`.
pub const SMTP_URL_ENV: &str = super::Service::Smtp.env_var();
/// Environment variable with the directory the catcher writes to.
pub const SMTP_DIR_ENV: &str = "HAVEN_TEST_SMTP_DIR";

/// A running catcher (shared, or this test's own).
pub struct Mailbox {
    /// `smtp://127.0.0.1:port`, for `email.smtp_url`.
    pub url: String,
    dir: PathBuf,
    own: Option<(Child, tempfile::TempDir)>,
}

impl Drop for Mailbox {
    fn drop(&mut self) {
        if let Some((child, _)) = &mut self.own {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// One caught message, decoded by the catcher.
#[derive(Debug, Clone)]
pub struct Caught {
    /// The envelope recipients.
    pub envelope_to: Vec<String>,
    /// The `To` header.
    pub to: String,
    /// The `From` header.
    pub from: String,
    /// The subject.
    pub subject: String,
    /// The plain-text body.
    pub text: String,
}

impl Caught {
    /// The first link in the body.
    pub fn link(&self) -> &str {
        let start = self.text.find("http").expect("a link in the email");
        let rest = &self.text[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        &rest[..end]
    }

    /// The `token` query parameter of the link.
    pub fn token(&self) -> String {
        let link = self.link();
        let (_, token) = link.split_once("?token=").expect("a token in the link");
        token.to_owned()
    }
}

impl Mailbox {
    /// The catcher of `scripts/test`, or a new one for this test.
    pub fn start() -> Self {
        let url = std::env::var(SMTP_URL_ENV).ok().filter(|v| !v.is_empty());
        let dir = std::env::var(SMTP_DIR_ENV).ok().filter(|v| !v.is_empty());
        if let (Some(url), Some(dir)) = (url, dir) {
            return Self {
                url,
                dir: dir.into(),
                own: None,
            };
        }
        assert!(
            !super::in_ci(),
            "{SMTP_URL_ENV} and {SMTP_DIR_ENV} must be set in CI: scripts/test starts \
             scripts/smtp-catcher.py and exports them"
        );
        Self::spawn()
    }

    fn spawn() -> Self {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/smtp-catcher.py");
        let dir = tempfile::tempdir().expect("a temp dir for caught mail");
        let mut child = Command::new("python3")
            .arg(&script)
            .arg("--dir")
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", script.display()));
        let mut line = String::new();
        let read =
            BufReader::new(child.stdout.take().expect("catcher stdout")).read_line(&mut line);
        let Some(addr) = line
            .trim()
            .strip_prefix("listening on ")
            .filter(|_| read.is_ok())
        else {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "the SMTP catcher did not start (is aiosmtpd installed? `pip install \
                 aiosmtpd==1.4.6`), or run the tests through scripts/test, which sets \
                 {SMTP_URL_ENV} and {SMTP_DIR_ENV}"
            );
        };
        Self {
            url: format!("smtp://{addr}"),
            dir: dir.path().to_owned(),
            own: Some((child, dir)),
        }
    }

    /// Every message caught so far for `to`, oldest first.
    pub fn messages_to(&self, to: &str) -> Vec<Caught> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .expect("read the catcher's directory")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == "json")
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|path| {
                let v: Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).expect("read a message"))
                        .expect("a decoded message");
                let field = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
                Caught {
                    envelope_to: v["envelope_to"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|r| r.as_str().map(str::to_owned))
                        .collect(),
                    to: field("to"),
                    from: field("from"),
                    subject: field("subject"),
                    text: field("text"),
                }
            })
            .filter(|m| m.envelope_to.iter().any(|r| r.eq_ignore_ascii_case(to)))
            .collect()
    }

    /// Waits (up to 20 s) until a message for `to` whose subject contains `needle`
    /// arrives; every such message then.
    pub async fn wait_for_subject(&self, to: &str, needle: &str) -> Vec<Caught> {
        // Polling the catcher's directory: the delivery runs on the job workers.
        let what = format!("an email \"{needle}\" to {to} arrived");
        super::wait_for(Duration::from_secs(20), &what, || async {
            let messages = self.with_subject(to, needle);
            (!messages.is_empty()).then_some(messages)
        })
        .await
    }

    /// The messages for `to` whose subject contains `needle`.
    pub fn with_subject(&self, to: &str, needle: &str) -> Vec<Caught> {
        self.messages_to(to)
            .into_iter()
            .filter(|m| m.subject.contains(needle))
            .collect()
    }

    /// Waits (up to 20 s) until `count` messages for `to` have arrived, and returns them.
    pub async fn wait_for(&self, to: &str, count: usize) -> Vec<Caught> {
        // Polling the catcher's directory: the delivery runs on the job workers.
        let what = format!("{count} email(s) to {to} arrived");
        super::wait_for(Duration::from_secs(20), &what, || async {
            let messages = self.messages_to(to);
            (messages.len() >= count).then_some(messages)
        })
        .await
    }
}

/// A recipient address no other test (or earlier run against a shared catcher) uses.
pub fn unique_email(name: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{name}-{}-{nanos}@example.com", std::process::id())
}
