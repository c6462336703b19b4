//! Catalog reads: parse the locale and filters, then answer from the snapshot.

use std::sync::Arc;

use super::snapshot::Snapshot;
use crate::error::Problems;
use crate::locale::Locale;
use crate::service::ContentService;
use haven_platform::Fault;
use haven_platform::http::cache::Public;

/// `(field, value)` of a slug filter.
pub(crate) fn slug_filter(field: &str, value: Option<String>, p: &mut Problems) -> Option<String> {
    let v = value?;
    let ok = (1..=40).contains(&v.len())
        && v.as_bytes()[0].is_ascii_lowercase()
        && v.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !ok {
        p.push(field, "invalid", "A lower-case slug.");
    }
    Some(v)
}

impl ContentService {
    /// The requested locale (the default when absent), or a field problem.
    pub(crate) fn requested_locale(&self, raw: Option<&str>, p: &mut Problems) -> Locale {
        match raw {
            None => self.config.default_locale.clone(),
            Some(tag) => Locale::parse(tag).unwrap_or_else(|| {
                p.push(
                    "locale",
                    "invalid",
                    "A BCP 47 tag of the form language[-Script][-REGION], e.g. `es-MX`.",
                );
                self.config.default_locale.clone()
            }),
        }
    }

    /// The node's current catalog snapshot.
    pub async fn snapshot<E: From<Fault>>(&self) -> Result<Arc<Snapshot>, E> {
        Ok(self.catalog.snapshot().await?)
    }

    /// The catalog's default locale.
    pub fn default_locale(&self) -> &Locale {
        &self.config.default_locale
    }

    /// `Cache-Control` of anonymous catalog reads.
    pub fn public_cache(&self) -> Public {
        self.config.public_cache.clone()
    }
}
