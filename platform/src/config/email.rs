//! `email.*` keys: how outgoing email leaves (SMTP) and what its links point at.

use serde::{Deserialize, Serialize};

use super::Secret;

/// `email.*` keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EmailSettings {
    /// SMTP server, e.g. `smtp://127.0.0.1:2525` (plain), `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:pass@host` (TLS on connect). Unset: messages are only
    /// logged (development); the password is redacted by `haven config check`.
    pub smtp_url: Option<Secret>,
    /// The `From` of every message, e.g. `Haven <no-reply@haven.example>`.
    pub from: String,
    /// Public base URL of the web app that links in emails open, e.g.
    /// `https://app.haven.example` (a path and `?token=…` are appended).
    pub link_base_url: String,
    /// How long one SMTP delivery may take before it fails (and its job retries).
    pub timeout_ms: u64,
}

impl Default for EmailSettings {
    fn default() -> Self {
        Self {
            smtp_url: None,
            from: "Haven <no-reply@haven.localhost>".to_owned(),
            link_base_url: "http://127.0.0.1:8080".to_owned(),
            timeout_ms: 10_000,
        }
    }
}
