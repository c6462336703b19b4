//! A narrator: name, photo and a biography per locale.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::locale::Locale;

haven_platform::define_id!(
    /// A narrator (`nar_…`).
    NarratorId,
    "nar"
);

/// A narrator.
#[derive(Debug, Clone)]
pub struct Narrator {
    /// The id.
    pub id: NarratorId,
    /// Display name (not localized).
    pub name: String,
    /// Photo URL.
    pub photo_url: Option<String>,
    /// Biography per locale.
    pub bios: BTreeMap<Locale, String>,
    /// Revision (the ETag).
    pub revision: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// What an editor sets on a narrator (creation, or a whole replacement).
#[derive(Debug, Clone)]
pub struct NarratorInput {
    /// Display name as sent.
    pub name: String,
    /// Photo URL as sent.
    pub photo_url: Option<String>,
    /// `(locale, bio)` as sent.
    pub bios: Vec<(String, String)>,
}
