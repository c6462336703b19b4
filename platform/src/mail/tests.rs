//! The mailer's settings, links and the logged (no SMTP) path in both log formats.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::sync::{Arc, Mutex};

use super::*;
use crate::config::Secret;

const TOKEN: &str = "s3cr3t-t0ken_value";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn settings(format: LogFormat) -> Settings {
    let mut s = Settings::default();
    s.telemetry.format = format;
    s.email.link_base_url = "https://app.example.com/".to_owned();
    s
}

fn mail(mailer: &Mailer) -> Mail {
    let link = mailer.link("/verify-email", TOKEN);
    Mail {
        to: "Ana.Lima@example.com".to_owned(),
        subject: "Confirm your email address".to_owned(),
        text: format!("Open {}", link.expose()),
        link: Some(link),
    }
}

/// Sends `mail` through a mailer without SMTP and returns what was logged.
fn logged(format: LogFormat) -> String {
    let mailer = Mailer::from_settings(&settings(format)).unwrap();
    assert!(!mailer.is_smtp());
    let out = Captured::default();
    let writer = out.clone();
    let builder = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false);
    let subscriber: Box<dyn tracing::Subscriber + Send + Sync> = match format {
        LogFormat::Json => Box::new(builder.json().finish()),
        LogFormat::Pretty => Box::new(builder.finish()),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    tracing::subscriber::with_default(subscriber, || {
        runtime.block_on(mailer.send(mail(&mailer))).unwrap();
    });
    String::from_utf8(out.0.lock().unwrap().clone()).unwrap()
}

#[test]
fn links_join_the_base_url_path_and_token() {
    let mailer = Mailer::from_settings(&settings(LogFormat::Pretty)).unwrap();
    let link = mailer.link("/reset-password", TOKEN);
    assert_eq!(
        link.expose(),
        format!("https://app.example.com/reset-password?token={TOKEN}")
    );
    assert_eq!(
        link.redacted(),
        "https://app.example.com/reset-password?token=***"
    );
    assert!(!format!("{link:?}").contains(TOKEN));
}

#[test]
fn without_smtp_the_development_log_shows_the_link() {
    let log = logged(LogFormat::Pretty);
    assert!(
        log.contains(&format!(
            "https://app.example.com/verify-email?token={TOKEN}"
        )),
        "{log}"
    );
    assert!(log.contains("Ana.Lima@example.com"), "{log}");
}

#[test]
fn without_smtp_the_json_log_redacts_the_token_and_the_address() {
    let log = logged(LogFormat::Json);
    let line: serde_json::Value = serde_json::from_str(log.lines().next().unwrap()).unwrap();
    assert_eq!(
        line["fields"]["link"], "https://app.example.com/verify-email?token=***",
        "{log}"
    );
    assert_eq!(line["fields"]["to"], "***@example.com", "{log}");
    assert!(!log.contains(TOKEN), "{log}");
    assert!(!log.contains("Ana.Lima"), "{log}");
}

#[test]
fn an_unreachable_smtp_server_is_an_error() {
    // A port nothing listens on: bind one, note it, close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut s = settings(LogFormat::Pretty);
    s.email.smtp_url = Some(Secret::new(format!("smtp://127.0.0.1:{port}")));
    let mailer = Mailer::from_settings(&s).unwrap();
    assert!(mailer.is_smtp());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let err = runtime.block_on(mailer.send(mail(&mailer))).unwrap_err();
    assert!(matches!(err, MailError::Smtp(_)), "{err}");
}

#[test]
fn bad_settings_name_their_key_and_never_echo_the_password() {
    let check = |f: &dyn Fn(&mut EmailSettings)| {
        let mut email = EmailSettings::default();
        f(&mut email);
        validate_settings(&email).unwrap_err()
    };
    let err = check(&|e| e.smtp_url = Some(Secret::new("http://user:hunter2@mail.example")));
    assert!(
        err.starts_with("email.smtp_url:") && !err.contains("hunter2"),
        "{err}"
    );
    let err = check(&|e| e.smtp_url = Some(Secret::new("smtp://user:hunter2@host?tls=maybe")));
    assert!(
        err.starts_with("email.smtp_url:") && !err.contains("hunter2"),
        "{err}"
    );
    assert!(check(&|e| e.from = "not an address".to_owned()).starts_with("email.from:"));
    assert!(
        check(&|e| e.link_base_url = "app.example.com".to_owned())
            .starts_with("email.link_base_url:")
    );
    assert!(check(&|e| e.timeout_ms = 0).starts_with("email.timeout_ms:"));
    let mut ok = EmailSettings::default();
    for url in [
        "smtp://127.0.0.1:2525",
        "smtp://u:p@mail.example:587?tls=required",
        "smtps://u:p@mail.example",
    ] {
        ok.smtp_url = Some(Secret::new(url));
        validate_settings(&ok).unwrap();
    }
}
