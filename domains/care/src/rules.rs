//! The documented rules of care's request fields: each states in the OpenAPI document
//! what the use-case checks (a value outside it is `422` with a field error), and the
//! checks themselves, so the two stay side by side.

use haven_platform::http::text::{ListRule, NON_BLANK_PATTERN, TextRule};

use crate::error::Problems;

/// Longest display name.
pub const NAME_MAX: usize = 100;
/// Longest biography.
pub const BIO_MAX: usize = 4000;
/// Longest license number or issuing authority.
pub const LICENSE_TEXT_MAX: usize = 120;
/// Longest reason an admin gives.
pub const REASON_MAX: usize = 500;
/// Most languages, specialties or licenses on one profile.
pub const MAX_ITEMS: usize = 20;

/// A display name or an emergency contact's name.
pub struct Name;
impl TextRule for Name {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(NAME_MAX);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// A biography.
pub struct Bio;
impl TextRule for Bio {
    const MAX_LENGTH: Option<usize> = Some(BIO_MAX);
}

/// A license number or issuing authority.
pub struct LicenseText;
impl TextRule for LicenseText {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(LICENSE_TEXT_MAX);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// Why an admin reads a member's health data.
pub struct Reason;
impl TextRule for Reason {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(REASON_MAX);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// An IANA time-zone name (`Europe/Berlin`); it must exist in the time-zone database.
pub struct TimeZoneName;
impl TextRule for TimeZoneName {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(64);
    const PATTERN: Option<&'static str> = Some("^[A-Za-z0-9_+/-]+$");
}

/// A BCP 47 tag of the shape `language[-Script][-REGION]` (`en`, `es-MX`).
pub struct LanguageTag;
impl TextRule for LanguageTag {
    const MIN_LENGTH: Option<usize> = Some(2);
    const MAX_LENGTH: Option<usize> = Some(12);
    const PATTERN: Option<&'static str> =
        Some("^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$");
}

/// An ISO 3166-1 alpha-2 country code in upper case (`US`, `DE`).
pub struct Country;
impl TextRule for Country {
    const MIN_LENGTH: Option<usize> = Some(2);
    const MAX_LENGTH: Option<usize> = Some(2);
    const PATTERN: Option<&'static str> = Some("^[A-Z]{2}$");
}

/// A US state, district or territory, USPS code (`CA`, `NY`, `DC`, `PR`).
pub struct UsState;
impl TextRule for UsState {
    const MIN_LENGTH: Option<usize> = Some(2);
    const MAX_LENGTH: Option<usize> = Some(2);
    // The codes of [`US_STATES`] spelled out, so clients validate what the server does.
    const PATTERN: Option<&'static str> = Some(
        "^(AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR|GU|VI|AS|MP)$",
    );
}

/// Where a license is valid: a country (`DE`) or a US state as `US-XX` (`US-CA`).
pub struct Jurisdiction;
impl TextRule for Jurisdiction {
    const MIN_LENGTH: Option<usize> = Some(2);
    const MAX_LENGTH: Option<usize> = Some(5);
    const PATTERN: Option<&'static str> = Some(
        "^([A-Z]{2}|US-(AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR|GU|VI|AS|MP))$",
    );
}

/// A phone number: digits with an optional leading `+`, spaces, `-` and parentheses.
pub struct Phone;
impl TextRule for Phone {
    const MIN_LENGTH: Option<usize> = Some(5);
    const MAX_LENGTH: Option<usize> = Some(20);
    const PATTERN: Option<&'static str> = Some("^\\+?[0-9][0-9 ()-]{3,18}[0-9]$");
}

/// A time of day `HH:MM`, 24-hour clock, `24:00` for the end of the day.
pub struct TimeOfDay;
impl TextRule for TimeOfDay {
    const MIN_LENGTH: Option<usize> = Some(5);
    const MAX_LENGTH: Option<usize> = Some(5);
    const PATTERN: Option<&'static str> = Some("^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$");
}

/// Languages: distinct tags, at least one.
pub struct Languages;
impl ListRule for Languages {
    const MIN_ITEMS: Option<usize> = Some(1);
    const MAX_ITEMS: Option<usize> = Some(MAX_ITEMS);
    const UNIQUE_ITEMS: bool = true;
}

/// Specialties: distinct.
pub struct Specialties;
impl ListRule for Specialties {
    const MAX_ITEMS: Option<usize> = Some(MAX_ITEMS);
    const UNIQUE_ITEMS: bool = true;
}

/// Licenses.
pub struct Licenses;
impl ListRule for Licenses {
    const MAX_ITEMS: Option<usize> = Some(MAX_ITEMS);
}

/// Weekly rules or date exceptions of a schedule.
pub struct ScheduleEntries;
impl ListRule for ScheduleEntries {
    const MAX_ITEMS: Option<usize> = Some(100);
}

/// USPS codes of the states, DC and the territories.
const US_STATES: [&str; 56] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
];

/// Whether `s` is a USPS state, district or territory code.
pub fn is_us_state(s: &str) -> bool {
    US_STATES.contains(&s)
}

/// Whether `s` is two upper-case ASCII letters.
pub fn is_country(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether `s` is a jurisdiction: a country or `US-` and a state code.
pub fn is_jurisdiction(s: &str) -> bool {
    match s.split_once('-') {
        None => is_country(s),
        Some(("US", state)) => is_us_state(state),
        Some(_) => false,
    }
}

/// The zone named `s`, if the time-zone database has it.
pub fn time_zone(s: &str) -> Option<chrono_tz::Tz> {
    s.parse().ok()
}

/// Whether `s` matches [`Phone`].
pub fn is_phone(s: &str) -> bool {
    let b = s.as_bytes();
    (5..=20).contains(&b.len())
        && b.last().is_some_and(u8::is_ascii_digit)
        && (b[0].is_ascii_digit() || (b[0] == b'+' && b.get(1).is_some_and(u8::is_ascii_digit)))
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b' ' | b'(' | b')' | b'-'))
}

/// Checks a required name-like text (non-blank, 1..=max characters, no NUL); the trimmed
/// value.
pub(crate) fn required_text(p: &mut Problems, field: &str, raw: &str, max: usize) -> String {
    let t = raw.trim();
    if t.is_empty() || raw.chars().count() > max || raw.contains('\0') {
        p.add(
            field,
            "invalid",
            format!("Expected 1 to {max} characters, not blank."),
        );
    }
    t.to_owned()
}

/// Checks an optional free text (0..=max characters, no NUL).
pub(crate) fn free_text(p: &mut Problems, field: &str, raw: &str, max: usize) -> String {
    if raw.chars().count() > max || raw.contains('\0') {
        p.add(
            field,
            "invalid",
            format!("Expected at most {max} characters."),
        );
    }
    raw.to_owned()
}

/// Checks a list of languages: 1..=MAX distinct BCP 47 tags; the tags as sent.
pub(crate) fn languages(p: &mut Problems, field: &str, tags: Vec<String>) -> Vec<String> {
    if tags.is_empty() || tags.len() > MAX_ITEMS {
        p.add(
            field,
            "invalid",
            format!("Expected 1 to {MAX_ITEMS} languages."),
        );
    }
    let mut seen = std::collections::HashSet::new();
    for (i, t) in tags.iter().enumerate() {
        if !haven_platform::config::is_locale(t) {
            p.add(
                format!("{field}[{i}]"),
                "invalid",
                "Expected a BCP 47 tag such as `en` or `es-MX`.",
            );
        } else if !seen.insert(t.to_ascii_lowercase()) {
            p.add(format!("{field}[{i}]"), "duplicate", "Listed twice.");
        }
    }
    tags
}

/// The primary language subtag of a BCP 47 tag, lower case (`es-MX` → `es`).
pub fn primary_language(tag: &str) -> String {
    tag.split('-').next().unwrap_or(tag).to_ascii_lowercase()
}

/// The id of a resource of health data (`asm_…`, `esc_…`, `usr_…`).
pub struct ResourceIdText;
impl TextRule for ResourceIdText {
    const MIN_LENGTH: Option<usize> = Some(30);
    const MAX_LENGTH: Option<usize> = Some(30);
    const PATTERN: Option<&'static str> = Some("^[a-z]{3}_[0-9a-z]{26}$");
}

/// Whether `s` has the shape [`ResourceIdText`] documents.
pub fn is_resource_id(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 30
        && b[..3].iter().all(u8::is_ascii_lowercase)
        && b[3] == b'_'
        && b[4..]
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// Longest clinician's note on an escalation.
pub const NOTE_MAX: usize = 4000;

/// A clinician's note resolving an escalation.
pub struct Note;
impl TextRule for Note {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(NOTE_MAX);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// A chat message body: not blank, at most 4000 characters
/// ([`crate::chat::model::BODY_MAX`]).
pub struct ChatBody;
impl TextRule for ChatBody {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(crate::chat::model::BODY_MAX);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// A clinical note's text: not blank, at most 20000 characters
/// ([`crate::notes::model::BODY_MAX`]).
pub struct NoteText;
impl TextRule for NoteText {
    const MIN_LENGTH: Option<usize> = Some(1);
    const MAX_LENGTH: Option<usize> = Some(crate::notes::model::BODY_MAX);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_patterns_list_every_state_code() {
        let (us, jurisdiction) = (
            UsState::PATTERN.unwrap_or_default(),
            Jurisdiction::PATTERN.unwrap_or_default(),
        );
        for state in US_STATES {
            assert!(
                us.contains(&format!("|{state}|"))
                    || us.contains(&format!("({state}|"))
                    || us.contains(&format!("|{state})")),
                "{state}"
            );
            assert!(
                jurisdiction.contains(&format!("|{state}"))
                    || jurisdiction.contains(&format!("({state}|")),
                "{state}"
            );
        }
        assert_eq!(us.matches('|').count(), US_STATES.len() - 1);
    }

    #[test]
    fn jurisdictions_are_countries_or_us_states() {
        assert!(is_jurisdiction("DE"));
        assert!(is_jurisdiction("US-CA"));
        assert!(!is_jurisdiction("US-XX"));
        assert!(!is_jurisdiction("DE-BY"));
        assert!(!is_jurisdiction("de"));
    }

    #[test]
    fn phones_match_their_pattern() {
        assert!(is_phone("+1 (212) 555-0100"));
        assert!(is_phone("030123456"));
        assert!(!is_phone("+"));
        assert!(!is_phone("12-"));
        assert!(!is_phone("call me"));
    }
}
