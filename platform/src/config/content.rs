//! `content.*` keys: the catalog's default locale, how fast nodes pick up a publish, how
//! long shared caches keep catalog reads, and the member's day for streaks. They live in
//! the platform's settings so one validated file configures the whole binary.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::auth::Secret;
use super::keys::{NamedKey, decode_named_keys};

/// `content.*` keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ContentSettings {
    /// The catalog's default locale (BCP 47 `language[-Script][-REGION]`): the last step
    /// of every fallback chain, and the locale every published item must have.
    pub default_locale: String,
    /// How often each node checks the catalog version in the database (milliseconds);
    /// a publish on another node is served here within this plus one snapshot build.
    pub catalog_refresh_ms: u64,
    /// `max-age` of anonymous catalog reads (`Cache-Control: public, max-age=…`).
    pub public_max_age_s: u32,
    /// The local hour (0–23) at which a member's day ends: a session completed before it
    /// counts for the previous day (a sleepcast at 01:00 counts for the evening before).
    pub day_end_hour: u32,
    /// How far in the future (by the server's clock) a playback event may be recorded;
    /// later ones are refused (a device clock far ahead).
    pub max_event_skew_s: u64,
    /// `content.media.*`: where uploaded audio and images live and how members reach
    /// them.
    pub media: MediaSettings,
    /// A streak earns one freeze every this many consecutive days.
    pub streak_freeze_every_days: u32,
    /// At most this many freezes are banked; each covers one missed day.
    pub streak_max_freezes: u32,
}

/// Where media objects are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaBackend {
    /// Files under `content.media.dir` (the embedded default).
    Directory,
    /// An S3-compatible bucket (`content.media.s3_*`).
    S3,
}

/// `content.media.*` keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MediaSettings {
    /// `directory` (default) or `s3`.
    pub backend: MediaBackend,
    /// The directory of the `directory` backend (created when missing).
    pub dir: PathBuf,
    /// The bucket of the `s3` backend.
    pub s3_bucket: Option<String>,
    /// The bucket's region (default `us-east-1`).
    pub s3_region: String,
    /// An S3-compatible endpoint (MinIO, R2, …); unset: AWS.
    pub s3_endpoint: Option<String>,
    /// Access key id; unset: the environment's AWS credentials.
    pub s3_access_key_id: Option<String>,
    /// Secret access key, with `s3_access_key_id`.
    pub s3_secret_access_key: Option<Secret>,
    /// Allow `http://` endpoints (a local S3-compatible server).
    pub s3_allow_http: bool,
    /// Largest accepted upload in bytes; a larger body is refused with 413.
    pub max_upload_bytes: u64,
    /// How long a signed media URL stays valid (seconds).
    pub url_ttl_s: u64,
    /// HMAC keys of media URLs: the first signs, every one verifies (rotation: put the
    /// new key first, drop the old one after `url_ttl_s`). Empty: a throwaway key is
    /// generated at start (URLs die with the process; fine for one embedded node only).
    pub signing_keys: Vec<NamedKey>,
}

impl Default for MediaSettings {
    fn default() -> Self {
        Self {
            backend: MediaBackend::Directory,
            dir: PathBuf::from("data/media"),
            s3_bucket: None,
            s3_region: "us-east-1".to_owned(),
            s3_endpoint: None,
            s3_access_key_id: None,
            s3_secret_access_key: None,
            s3_allow_http: false,
            max_upload_bytes: 200 * 1024 * 1024,
            url_ttl_s: 3_600,
            signing_keys: Vec::new(),
        }
    }
}

impl MediaSettings {
    /// The decoded signing keys `(id, bytes)`, first signs; or why one is invalid (the
    /// message names the key id, never the secret).
    pub fn decoded_signing_keys(&self) -> Result<Vec<(String, Vec<u8>)>, String> {
        decode_named_keys(
            "content.media.signing_keys",
            &self.signing_keys,
            32..=usize::MAX,
        )
    }

    fn validate(&self) -> Result<(), String> {
        self.decoded_signing_keys()?;
        if !(1024..=(1 << 40)).contains(&self.max_upload_bytes) {
            return Err("content.media.max_upload_bytes: expected 1024 to 2^40 bytes".to_owned());
        }
        if !(10..=7 * 86_400).contains(&self.url_ttl_s) {
            return Err("content.media.url_ttl_s: expected 10 to 604800 seconds".to_owned());
        }
        if self.backend == MediaBackend::S3 && self.s3_bucket.as_deref().is_none_or(str::is_empty) {
            return Err("content.media.s3_bucket: required with backend = \"s3\"".to_owned());
        }
        if self.s3_access_key_id.is_some() != self.s3_secret_access_key.is_some() {
            return Err(
                "content.media.s3_secret_access_key: set with s3_access_key_id, or neither"
                    .to_owned(),
            );
        }
        Ok(())
    }
}

impl Default for ContentSettings {
    fn default() -> Self {
        Self {
            default_locale: "en".to_owned(),
            catalog_refresh_ms: 1_000,
            public_max_age_s: 60,
            day_end_hour: 4,
            max_event_skew_s: 600,
            media: MediaSettings::default(),
            streak_freeze_every_days: 7,
            streak_max_freezes: 2,
        }
    }
}

impl ContentSettings {
    /// Checks ranges and the locale's shape; the error names the key.
    pub(super) fn validate(&self) -> Result<(), String> {
        if !is_locale(&self.default_locale) {
            return Err(format!(
                "content.default_locale: {:?} is not a BCP 47 tag of the form \
                 language[-Script][-REGION], e.g. `en` or `pt-BR`",
                self.default_locale
            ));
        }
        if !(100..=60_000).contains(&self.catalog_refresh_ms) {
            return Err(
                "content.catalog_refresh_ms: expected 100 to 60000 milliseconds".to_owned(),
            );
        }
        if self.public_max_age_s > 86_400 {
            return Err("content.public_max_age_s: expected 0 to 86400 seconds".to_owned());
        }
        if self.day_end_hour > 23 {
            return Err("content.day_end_hour: expected an hour from 0 to 23".to_owned());
        }
        if self.max_event_skew_s > 86_400 {
            return Err("content.max_event_skew_s: expected 0 to 86400 seconds".to_owned());
        }
        if !(1..=365).contains(&self.streak_freeze_every_days) {
            return Err("content.streak_freeze_every_days: expected 1 to 365 days".to_owned());
        }
        if self.streak_max_freezes > 30 {
            return Err("content.streak_max_freezes: expected 0 to 30".to_owned());
        }
        self.media.validate()
    }
}

/// `language[-Script][-REGION]`: 2–3 letters, optionally 4 letters, optionally 2 letters
/// or 3 digits (the subset of BCP 47 the catalog speaks).
pub fn is_locale(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(language) = parts.next() else {
        return false;
    };
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut rest: Vec<&str> = parts.collect();
    if rest.first().is_some_and(|s| s.len() == 4) {
        if !rest[0].bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        rest.remove(0);
    }
    match rest.as_slice() {
        [] => true,
        [region] => {
            (region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic()))
                || (region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit()))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_of_the_catalog_shape_only() {
        for ok in [
            "en",
            "es-MX",
            "zh-Hant-TW",
            "pt-BR",
            "es-419",
            "fil",
            "sr-Latn",
        ] {
            assert!(is_locale(ok), "{ok}");
        }
        for bad in [
            "", "e", "english", "en-", "en-U", "en-USA", "en-US-x", "1n", "en_US",
        ] {
            assert!(!is_locale(bad), "{bad}");
        }
    }

    #[test]
    fn ranges_name_the_key() {
        let mut s = ContentSettings {
            day_end_hour: 24,
            ..ContentSettings::default()
        };
        assert!(s.validate().unwrap_err().contains("content.day_end_hour"));
        s.day_end_hour = 4;
        s.default_locale = "english".to_owned();
        assert!(s.validate().unwrap_err().contains("content.default_locale"));
        s.default_locale = "en".to_owned();
        assert!(s.validate().is_ok());
    }
}
