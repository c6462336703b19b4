//! The documented rules of identity's request fields: each states in the OpenAPI
//! document what the use-case checks (which answers a value outside it with `422` and a
//! field error, or for secrets and codes with the operation's usual refusal).

use haven_platform::http::text::{ListRule, NON_BLANK_PATTERN, TextRule};

use crate::accounts::model::{
    DISPLAY_NAME_MAX_CHARS, EMAIL_MAX_LEN, LOCALE_MAX_LEN, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS,
};
use crate::admin::model::EMAIL_SEARCH_MAX_LEN;
use crate::organizations::model::{
    EMPLOYEE_ID_MAX_CHARS, MAX_ALLOWED_DOMAINS, ORGANIZATION_NAME_MAX_CHARS,
};

/// One DNS label: letters, digits and inner hyphens, 1 to 63 characters.
macro_rules! label {
    () => {
        "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    };
}

/// A DNS name as `is_dns_name` checks it: labels, the last one starting with a letter.
macro_rules! dns_name {
    () => {
        concat!(
            "(?:",
            label!(),
            "\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
        )
    };
}

/// Padding the server trims (`accounts::model::PADDING`).
macro_rules! padding {
    () => {
        "[ \\t\\r\\n]*"
    };
}

/// An email address, as `Email::parse` checks it: 1 to 64 printable ASCII characters
/// other than `@`, `@`, a DNS name; at most 254 characters with padding.
pub struct EmailAddress;

impl TextRule for EmailAddress {
    const MAX_LENGTH: Option<usize> = Some(EMAIL_MAX_LEN);
    const PATTERN: Option<&'static str> = Some(concat!(
        "^",
        padding!(),
        "[!-?A-~]{1,64}@",
        dns_name!(),
        padding!(),
        "$"
    ));
}

/// A new password: 12 to 128 characters (counted after NFKC normalization, which no
/// schema can express) and not a common password.
pub struct NewPassword;

impl TextRule for NewPassword {
    const MIN_LENGTH: Option<usize> = Some(PASSWORD_MIN_CHARS);
    const MAX_LENGTH: Option<usize> = Some(PASSWORD_MAX_CHARS);
}

/// A display name (trimmed; blank means none).
pub struct DisplayName;

impl TextRule for DisplayName {
    const MAX_LENGTH: Option<usize> = Some(DISPLAY_NAME_MAX_CHARS);
}

/// A BCP 47 language tag; every subtag must be in the IANA registry, which no schema can
/// express.
pub struct Locale;

impl TextRule for Locale {
    const MAX_LENGTH: Option<usize> = Some(LOCALE_MAX_LEN);
    const PATTERN: Option<&'static str> = Some(concat!(
        "^",
        padding!(),
        "[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*",
        padding!(),
        "$"
    ));
}

/// An IANA time-zone name; that it exists is checked against the time-zone database,
/// which no schema can express.
pub struct TimeZone;

impl TextRule for TimeZone {
    const MAX_LENGTH: Option<usize> = Some(64);
    const PATTERN: Option<&'static str> = Some(concat!(
        "^",
        padding!(),
        "[A-Za-z][A-Za-z0-9_+/-]*",
        padding!(),
        "$"
    ));
}

/// An organization's name: 1 to 200 characters, not blank.
pub struct OrganizationName;

impl TextRule for OrganizationName {
    const MAX_LENGTH: Option<usize> = Some(ORGANIZATION_NAME_MAX_CHARS);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// A work-email domain such as `acme.com`, as `EmailDomain::parse` checks it (compared
/// lower-cased; internationalized ones in their `xn--` form).
pub struct Domain;

impl TextRule for Domain {
    const MAX_LENGTH: Option<usize> = Some(253);
    const PATTERN: Option<&'static str> =
        Some(concat!("^", padding!(), dns_name!(), padding!(), "$"));
}

/// An organization's allowed domains: at most 50, none twice.
pub struct AllowedDomains;

impl ListRule for AllowedDomains {
    const MAX_ITEMS: Option<usize> = Some(MAX_ALLOWED_DOMAINS);
    const UNIQUE_ITEMS: bool = true;
}

/// An employee id: at most 64 characters, no control characters.
pub struct EmployeeId;

impl TextRule for EmployeeId {
    const MAX_LENGTH: Option<usize> = Some(EMPLOYEE_ID_MAX_CHARS);
    const PATTERN: Option<&'static str> = Some("^[^\\u0000-\\u001f\\u007f-\\u009f]*$");
}

/// Text an email address must contain (admin search): not blank, at most 320
/// characters.
pub struct EmailSearch;

impl TextRule for EmailSearch {
    const MAX_LENGTH: Option<usize> = Some(EMAIL_SEARCH_MAX_LEN);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// The 6-digit code of an authenticator app.
pub struct TotpCode;

impl TextRule for TotpCode {
    const PATTERN: Option<&'static str> = Some("^[0-9]{6}$");
}

/// A recovery code, `xxxx-xxxx-xxxx-xxxx` (case and separators are ignored).
pub struct RecoveryCode;

impl TextRule for RecoveryCode {
    const PATTERN: Option<&'static str> = Some("^[0-9A-Za-z]{4}(?:[- ]?[0-9A-Za-z]{4}){3}$");
}
