//! Layered settings: built-in defaults, then `haven.toml` (or `--config FILE`), then
//! `HAVEN__SECTION__KEY` environment variables. Validated once at start-up.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

mod auth;
mod billing;
mod care;
mod content;
mod email;
mod identity;
mod keys;
mod primitives;

pub use auth::{AuthSettings, Secret, VerifyKeySettings};
pub use billing::BillingSettings;
pub use care::{CareSettings, ChatBus, ChatSettings, CrisisResource, NotesSettings};
pub use content::{ContentSettings, MediaBackend, MediaSettings, is_locale};
pub use email::EmailSettings;
pub use identity::{IdentitySettings, MAX_REFRESH_REUSE_GRACE_S};
pub use keys::{NamedKey, decode_named_keys};
pub use primitives::{
    IdempotencySettings, JobSettings, RateLimitBackend, RateLimitPolicy, RateLimiterSettings,
    RateLimits, RedisSettings,
};

/// Everything Haven reads from configuration.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
#[derive(Default)]
pub struct Settings {
    /// HTTP listeners and request handling.
    #[serde(default)]
    pub server: ServerSettings,
    /// Database connections and migrations.
    #[serde(default)]
    pub database: DatabaseSettings,
    /// Logs, traces and metrics.
    #[serde(default)]
    pub telemetry: TelemetrySettings,
    /// Job queue and outbox dispatcher.
    #[serde(default)]
    pub jobs: JobSettings,
    /// Idempotency keys.
    #[serde(default)]
    pub idempotency: IdempotencySettings,
    /// Which rate-limit backend to use.
    #[serde(default)]
    pub rate_limiter: RateLimiterSettings,
    /// Named rate-limit policies.
    #[serde(default)]
    pub rate_limits: RateLimits,
    /// Redis, for shared rate limits and caches.
    #[serde(default)]
    pub redis: RedisSettings,
    /// Access tokens: issuer, audience and keys.
    #[serde(default)]
    pub auth: AuthSettings,
    /// Outgoing email: SMTP server, sender and link base URL.
    #[serde(default)]
    pub email: EmailSettings,
    /// Session lifetimes and the login soft-lock.
    #[serde(default)]
    pub identity: IdentitySettings,
    /// The catalog's locale, refresh and caching; the member's day for streaks.
    #[serde(default)]
    pub content: ContentSettings,
    /// Stripe and the grace of failed payments.
    #[serde(default)]
    pub billing: BillingSettings,
    /// Care: cancellation policy, booking notice, reminders and video links.
    #[serde(default)]
    pub care: CareSettings,
}

/// `server.*` keys.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ServerSettings {
    /// Public API listener.
    pub addr: SocketAddr,
    /// Admin listener: `/metrics` and health.
    pub admin_addr: SocketAddr,
    /// Largest accepted request body; larger ones get `413`.
    pub max_body_bytes: u64,
    /// A request running longer than this gets `503`.
    pub request_timeout_ms: u64,
    /// After the drain delay, how long in-flight requests may take to finish.
    pub shutdown_grace_ms: u64,
    /// After SIGTERM, how long to keep serving with readiness false.
    pub drain_delay_ms: u64,
    /// Origins allowed by CORS; empty means no cross-origin access.
    pub cors_origins: Vec<String>,
    /// Load balancers and proxies (IP addresses or CIDR networks) whose
    /// `X-Forwarded-For` is believed when finding a client's address; empty means the
    /// peer address is the client's.
    pub trusted_proxies: Vec<String>,
    /// Directory where `haven serve` keeps the development keys it generates when
    /// `auth.signing_key_pem` / `auth.mfa_encryption_key` are unset. Unset: the SQLite
    /// database's directory (with PostgreSQL and no `data_dir`, the keys are throwaway).
    pub data_dir: Option<std::path::PathBuf>,
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            admin_addr: SocketAddr::from(([127, 0, 0, 1], 9090)),
            max_body_bytes: 1024 * 1024,
            request_timeout_ms: 30_000,
            shutdown_grace_ms: 20_000,
            drain_delay_ms: 5_000,
            cors_origins: Vec::new(),
            trusted_proxies: Vec::new(),
            data_dir: None,
        }
    }
}

/// `database.*` keys.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseSettings {
    /// `sqlite://path` (embedded default) or `postgres://…`.
    pub url: String,
    /// Optional read replica used by read-only queries.
    pub replica_url: Option<String>,
    /// Maximum connections per pool.
    pub pool_max: u32,
    /// How long a request waits for a pooled connection before `503`.
    pub acquire_timeout_ms: u64,
    /// Apply pending migrations when `haven serve` starts.
    pub migrate_on_start: bool,
    /// Ping every connection on checkout (slower; see BENCHMARKS.md).
    pub test_on_checkout: bool,
    /// SQLite only: how long a writer waits for the database lock.
    pub sqlite_busy_timeout_ms: u64,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            url: "sqlite://data/haven.db".to_owned(),
            replica_url: None,
            pool_max: 4,
            acquire_timeout_ms: 2_000,
            migrate_on_start: true,
            test_on_checkout: false,
            sqlite_busy_timeout_ms: 5_000,
        }
    }
}

/// Log output format.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum LogFormat {
    /// Human-readable, for development.
    Pretty,
    /// One JSON object per line, for production.
    Json,
}

impl TryFrom<String> for LogFormat {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        match value.as_str() {
            "pretty" => Ok(Self::Pretty),
            "json" => Ok(Self::Json),
            other => Err(format!(
                "{other:?} is not a log format; expected `pretty` or `json`"
            )),
        }
    }
}

/// `telemetry.*` keys.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TelemetrySettings {
    /// `pretty` or `json`.
    pub format: LogFormat,
    /// A `tracing` filter directive, e.g. `info` or `haven=debug,info`.
    pub level: String,
    /// OTLP/HTTP endpoint for traces, e.g. `http://127.0.0.1:4318`; unset disables export.
    pub otlp_endpoint: Option<String>,
}

impl Default for TelemetrySettings {
    fn default() -> Self {
        Self {
            format: LogFormat::Pretty,
            level: "info".to_owned(),
            otlp_endpoint: None,
        }
    }
}

/// A setting that failed to load or validate; the message names the key.
#[derive(Debug, thiserror::Error)]
#[error("invalid configuration: {0}")]
pub struct ConfigError(pub String);

/// Which database a URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// `postgres://` or `postgresql://`.
    Postgres,
    /// `sqlite://`.
    Sqlite,
}

impl Backend {
    /// The backend a database URL selects, or why it selects none.
    pub fn from_url(url: &str) -> Result<Self, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres)
        } else if url.starts_with("sqlite://") {
            Ok(Self::Sqlite)
        } else {
            Err("expected a URL starting with sqlite:// or postgres://".to_owned())
        }
    }

    /// Lower-case name, as reported by `/v1/meta`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Postgres => "postgres",
            Self::Sqlite => "sqlite",
        }
    }
}

impl Settings {
    /// Loads defaults, then `file` (or `./haven.toml` if present), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let env: Vec<(String, String)> = std::env::vars().collect();
        Self::load_from(file, env)
    }

    /// Like [`Settings::load`] with an explicit environment, so tests need no global state.
    pub fn load_from(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let defaults = config::Config::try_from(&Settings::default())
            .map_err(|e| ConfigError(e.to_string()))?;
        let mut builder = config::Config::builder().add_source(defaults);
        match file {
            Some(path) => {
                if !path.exists() {
                    return Err(ConfigError(format!(
                        "config file {} does not exist",
                        path.display()
                    )));
                }
                builder = builder.add_source(config::File::from(PathBuf::from(path)));
            }
            None => {
                builder = builder.add_source(config::File::with_name("haven.toml").required(false));
            }
        }
        let env_map: std::collections::HashMap<String, String> = env
            .into_iter()
            .filter(|(k, _)| k.starts_with("HAVEN__"))
            .collect();
        builder = builder.add_source(
            config::Environment::with_prefix("HAVEN")
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true)
                .list_separator(",")
                .with_list_parse_key("server.cors_origins")
                .with_list_parse_key("billing.stripe_webhook_secrets")
                .with_list_parse_key("content.media.signing_keys")
                .with_list_parse_key("care.notes.master_keys")
                .source(Some(env_map)),
        );
        let settings: Settings = builder
            .build()
            .and_then(config::Config::try_deserialize)
            .map_err(|e| ConfigError(e.to_string()))?;
        settings.validate()?;
        Ok(settings)
    }

    /// Checks what serde cannot: ranges and URL schemes.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, msg: &str| Err(ConfigError(format!("{key}: {msg}")));
        if let Err(msg) = Backend::from_url(&self.database.url) {
            return bad("database.url", &msg);
        }
        if let Some(replica) = &self.database.replica_url {
            match Backend::from_url(replica) {
                Err(msg) => return bad("database.replica_url", &msg),
                Ok(b) if Some(b) != self.backend().ok() => {
                    return bad(
                        "database.replica_url",
                        "must use the same backend as database.url",
                    );
                }
                Ok(_) => {}
            }
        }
        if !(1..=1000).contains(&self.database.pool_max) {
            return bad("database.pool_max", "expected an integer from 1 to 1000");
        }
        if self.database.acquire_timeout_ms == 0 {
            return bad(
                "database.acquire_timeout_ms",
                "expected a positive number of milliseconds",
            );
        }
        if self.server.max_body_bytes == 0 {
            return bad(
                "server.max_body_bytes",
                "expected a positive number of bytes",
            );
        }
        if self.server.request_timeout_ms == 0 {
            return bad(
                "server.request_timeout_ms",
                "expected a positive number of milliseconds",
            );
        }
        for origin in &self.server.cors_origins {
            if !(origin.starts_with("http://") || origin.starts_with("https://")) {
                return bad(
                    "server.cors_origins",
                    &format!("{origin:?} is not an origin; expected http(s)://host[:port]"),
                );
            }
        }
        if tracing_subscriber::EnvFilter::try_new(&self.telemetry.level).is_err() {
            return bad(
                "telemetry.level",
                "expected a level (error, warn, info, debug, trace) or a tracing filter directive",
            );
        }
        if let Err(msg) =
            crate::http::client_ip::TrustedProxies::parse(&self.server.trusted_proxies)
        {
            return bad("server.trusted_proxies", &msg);
        }
        self.validate_primitives()?;
        crate::auth::validate_settings(&self.auth).map_err(ConfigError)?;
        crate::mail::validate_settings(&self.email).map_err(ConfigError)?;
        self.identity.validate().map_err(ConfigError)?;
        self.content.validate().map_err(ConfigError)?;
        self.billing.validate().map_err(ConfigError)?;
        self.care.validate().map_err(ConfigError)?;
        if let Some(endpoint) = &self.telemetry.otlp_endpoint
            && !(endpoint.starts_with("http://") || endpoint.starts_with("https://"))
        {
            return bad(
                "telemetry.otlp_endpoint",
                "expected an http:// or https:// URL",
            );
        }
        Ok(())
    }

    fn validate_primitives(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, msg: &str| Err(ConfigError(format!("{key}: {msg}")));
        let jobs = &self.jobs;
        for (key, value) in [
            ("jobs.poll_interval_ms", jobs.poll_interval_ms),
            ("jobs.batch_size", u64::from(jobs.batch_size)),
            ("jobs.concurrency", u64::from(jobs.concurrency)),
            ("jobs.visibility_timeout_ms", jobs.visibility_timeout_ms),
            ("jobs.max_attempts", u64::from(jobs.max_attempts)),
            ("jobs.backoff_base_ms", jobs.backoff_base_ms),
            ("idempotency.ttl_s", self.idempotency.ttl_s),
        ] {
            if value == 0 {
                return bad(key, "expected a positive integer");
            }
        }
        if jobs.backoff_max_ms < jobs.backoff_base_ms {
            return bad(
                "jobs.backoff_max_ms",
                "must be at least jobs.backoff_base_ms",
            );
        }
        for (name, policy) in &self.rate_limits {
            if policy.limit == 0 || policy.window_s == 0 {
                return bad(
                    &format!("rate_limits.{name}"),
                    "limit and window_s must be positive integers",
                );
            }
        }
        if let Some(url) = &self.redis.url
            && !(url.starts_with("redis://") || url.starts_with("rediss://"))
        {
            return bad("redis.url", "expected a redis:// or rediss:// URL");
        }
        if self.care.chat.bus == ChatBus::Redis && self.redis.url.is_none() {
            return bad("care.chat.bus", "`redis` needs redis.url to be set");
        }
        if self.rate_limiter.backend == RateLimitBackend::Redis && self.redis.url.is_none() {
            return bad("rate_limiter.backend", "`redis` needs redis.url to be set");
        }
        Ok(())
    }

    /// The primary database's backend (validated at load time).
    pub fn backend(&self) -> Result<Backend, ConfigError> {
        Backend::from_url(&self.database.url).map_err(|m| ConfigError(format!("database.url: {m}")))
    }

    /// The merged settings as TOML with passwords in URLs and secrets replaced by `***`.
    pub fn redacted_toml(&self) -> Result<String, ConfigError> {
        let mut copy = self.clone();
        copy.database.url = redact_url(&copy.database.url);
        copy.database.replica_url = copy.database.replica_url.as_deref().map(redact_url);
        copy.redis.url = copy.redis.url.as_deref().map(redact_url);
        copy.email.smtp_url = copy
            .email
            .smtp_url
            .as_ref()
            .map(|url| Secret::new(redact_url(url.expose())));
        if copy.auth.signing_key_pem.is_some() {
            copy.auth.signing_key_pem = Some(Secret::new("***"));
        }
        if copy.auth.mfa_encryption_key.is_some() {
            copy.auth.mfa_encryption_key = Some(Secret::new("***"));
        }
        if copy.billing.stripe_secret_key.is_some() {
            copy.billing.stripe_secret_key = Some(Secret::new("***"));
        }
        for secret in &mut copy.billing.stripe_webhook_secrets {
            *secret = Secret::new("***");
        }
        if copy.billing.play_api_token.is_some() {
            copy.billing.play_api_token = Some(Secret::new("***"));
        }
        for key in &mut copy.content.media.signing_keys {
            key.secret = Secret::new("***");
        }
        for key in &mut copy.care.notes.master_keys {
            key.secret = Secret::new("***");
        }
        if copy.content.media.s3_secret_access_key.is_some() {
            copy.content.media.s3_secret_access_key = Some(Secret::new("***"));
        }
        toml_string(&copy)
    }
}

fn toml_string(settings: &Settings) -> Result<String, ConfigError> {
    // Going through serde_json keeps us off a second serializer dependency while still
    // printing every key; nested maps become `[a.b]` tables.
    fn table(out: &mut String, path: &str, map: &serde_json::Map<String, serde_json::Value>) {
        let (nested, plain): (Vec<_>, Vec<_>) = map.iter().partition(|(_, v)| v.is_object());
        if !plain.is_empty() || nested.is_empty() {
            out.push_str(&format!("[{path}]\n"));
            for (key, v) in plain.into_iter().filter(|(_, v)| !v.is_null()) {
                out.push_str(&format!("{key} = {v}\n"));
            }
            out.push('\n');
        }
        for (key, v) in nested {
            if let serde_json::Value::Object(inner) = v {
                table(out, &format!("{path}.{key}"), inner);
            }
        }
    }
    let value = serde_json::to_value(settings).map_err(|e| ConfigError(e.to_string()))?;
    let mut out = String::new();
    if let serde_json::Value::Object(sections) = value {
        for (section, body) in sections {
            if let serde_json::Value::Object(keys) = body {
                table(&mut out, &section, &keys);
            }
        }
    }
    Ok(out)
}

/// Replaces the password of a `scheme://user:password@host` URL with `***`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.rsplit_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests;
