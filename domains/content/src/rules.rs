//! The documented rules of content's request fields: each states in the OpenAPI document
//! what the use-case checks (a value outside it is `422` with a field error).

use haven_platform::http::text::{ListRule, NON_BLANK_PATTERN, TextRule};

/// Longest title.
pub const TITLE_MAX: usize = 120;
/// Longest subtitle.
pub const SUBTITLE_MAX: usize = 200;
/// Longest description or biography.
pub const DESCRIPTION_MAX: usize = 4000;
/// Longest narrator name.
pub const NAME_MAX: usize = 100;
/// Longest photo URL.
pub const URL_MAX: usize = 500;
/// Most locales one item or narrator has.
pub const MAX_LOCALES: usize = 20;
/// Most categories or tags one item has.
pub const MAX_LABELS: usize = 20;
/// Most duration variants one item has.
pub const MAX_VARIANTS: usize = 10;

/// A BCP 47 tag of the catalog's shape, `language[-Script][-REGION]` (`en`, `es-MX`,
/// `zh-Hant-TW`), any case.
pub struct LocaleTag;

impl TextRule for LocaleTag {
    const MIN_LENGTH: Option<usize> = Some(2);
    const MAX_LENGTH: Option<usize> = Some(12);
    const PATTERN: Option<&'static str> =
        Some("^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$");
}

/// A category or tag: a lower-case slug.
pub struct Slug;

impl TextRule for Slug {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(40);
    const PATTERN: Option<&'static str> = Some("^[a-z][a-z0-9_]{0,39}$");
}

/// A title.
pub struct Title;

impl TextRule for Title {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(TITLE_MAX);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// A subtitle.
pub struct Subtitle;

impl TextRule for Subtitle {
    const MAX_LENGTH: Option<usize> = Some(SUBTITLE_MAX);
}

/// A description or biography.
pub struct Description;

impl TextRule for Description {
    const MAX_LENGTH: Option<usize> = Some(DESCRIPTION_MAX);
}

/// A narrator's name.
pub struct Name;

impl TextRule for Name {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(NAME_MAX);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// An `https://` URL of printable ASCII (no spaces).
pub struct HttpsUrl;

impl TextRule for HttpsUrl {
    const MAX_LENGTH: Option<usize> = Some(URL_MAX);
    const PATTERN: Option<&'static str> = Some("^https://[!-~]+$");
}

/// Categories or tags: distinct slugs.
pub struct Labels;

impl ListRule for Labels {
    const MAX_ITEMS: Option<usize> = Some(MAX_LABELS);
    const UNIQUE_ITEMS: bool = true;
}

/// Texts per locale: one per locale.
pub struct Texts;

impl ListRule for Texts {
    const MIN_ITEMS: Option<usize> = Some(1);
    const MAX_ITEMS: Option<usize> = Some(MAX_LOCALES);
}

/// Biographies per locale.
pub struct Bios;

impl ListRule for Bios {
    const MAX_ITEMS: Option<usize> = Some(MAX_LOCALES);
}

/// Duration variants: one per duration.
pub struct Variants;

impl ListRule for Variants {
    const MIN_ITEMS: Option<usize> = Some(1);
    const MAX_ITEMS: Option<usize> = Some(MAX_VARIANTS);
}

/// Locales to publish.
pub struct LocaleList;

impl ListRule for LocaleList {
    const MIN_ITEMS: Option<usize> = Some(1);
    const MAX_ITEMS: Option<usize> = Some(MAX_LOCALES);
    const UNIQUE_ITEMS: bool = true;
}

/// Longest search query.
pub const QUERY_MAX: usize = 100;

/// What a search looks for: 1–100 characters, not blank.
pub struct SearchQuery;

impl TextRule for SearchQuery {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(QUERY_MAX);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// A client-generated event id (a UUID or similar).
pub struct EventId;

impl TextRule for EventId {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(64);
    const PATTERN: Option<&'static str> = Some("^[A-Za-z0-9_-]{1,64}$");
}

/// An IANA time-zone name (`Europe/Paris`); it must also exist in the zone database,
/// which no pattern can say.
pub struct TimeZone;

impl TextRule for TimeZone {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(64);
    const PATTERN: Option<&'static str> = Some("^[A-Za-z][A-Za-z0-9_+/-]{0,63}$");
}

/// Playback events of one sync: 1 to 500.
pub struct EventBatch;

impl ListRule for EventBatch {
    const MIN_ITEMS: Option<usize> = Some(1);
    const MAX_ITEMS: Option<usize> = Some(crate::playback::model::MAX_BATCH);
}

/// A course's sessions: 1 to 60 items.
pub struct Sessions;

impl ListRule for Sessions {
    const MIN_ITEMS: Option<usize> = Some(1);
    const MAX_ITEMS: Option<usize> = Some(crate::courses::model::MAX_SESSIONS);
    const UNIQUE_ITEMS: bool = true;
}
