//! Account types and their invariants: normalized emails, acceptable passwords, the
//! account.

use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use haven_platform::auth::Role;
use haven_platform::ids::UserId;
use unicode_normalization::UnicodeNormalization;

/// Shortest password, in characters after NFKC normalization.
pub const PASSWORD_MIN_CHARS: usize = 12;

/// Longest password, in characters after NFKC normalization.
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Longest email address (RFC 5321 path limit less the angle brackets).
pub const EMAIL_MAX_LEN: usize = 254;

/// Characters around a value that the server trims (and the document's patterns allow).
pub const PADDING: [char; 4] = [' ', '\t', '\r', '\n'];

/// Whether `domain` is a DNS name as the API accepts it: at least two dot-separated
/// labels of 1–63 ASCII letters, digits or inner hyphens, the last starting with a letter.
pub fn is_dns_name(domain: &str) -> bool {
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| label_ok(l))
        && labels
            .last()
            .is_some_and(|tld| tld.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// A syntactically valid email address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    address: String,
    normalized: String,
}

/// Why an email address is rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Not of the form `local@domain.tld`, or too long.
    #[error("is not valid")]
    Invalid,
}

impl Email {
    /// Trims [`PADDING`], lower-cases the domain and checks the shape the OpenAPI
    /// document states as a pattern: a local part of 1 to 64 printable ASCII characters
    /// other than `@`, then `@` and a DNS name ([`is_dns_name`]); at most 254 characters
    /// as sent.
    pub fn parse(raw: &str) -> Result<Self, EmailError> {
        let trimmed = raw.trim_matches(PADDING);
        let (local, domain) = trimmed.split_once('@').ok_or(EmailError::Invalid)?;
        let valid = raw.chars().count() <= EMAIL_MAX_LEN
            && (1..=64).contains(&local.len())
            && local.bytes().all(|b| b.is_ascii_graphic() && b != b'@')
            && is_dns_name(domain);
        if !valid {
            return Err(EmailError::Invalid);
        }
        let address = format!("{local}@{}", domain.to_ascii_lowercase());
        let normalized = address.to_lowercase();
        Ok(Self {
            address,
            normalized,
        })
    }

    /// The address as stored and shown: trimmed, domain lower-cased.
    pub fn as_str(&self) -> &str {
        &self.address
    }

    /// The lower-case form that uniqueness and look-ups use.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }
}

/// A password that meets the policy: 12..=128 characters after NFKC normalization, any
/// Unicode, no composition rules, not in the common-password list. Never printed.
#[derive(Clone)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// Why a password is rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Fewer than [`PASSWORD_MIN_CHARS`] characters.
    #[error("must be at least {PASSWORD_MIN_CHARS} characters long")]
    TooShort,
    /// More than [`PASSWORD_MAX_CHARS`] characters.
    #[error("must be at most {PASSWORD_MAX_CHARS} characters long")]
    TooLong,
    /// In the list of common passwords.
    #[error("is too common; choose a less predictable password")]
    Common,
}

impl PasswordError {
    /// The stable field-error code.
    pub fn code(self) -> &'static str {
        match self {
            Self::TooShort => "too_short",
            Self::TooLong => "too_long",
            Self::Common => "too_common",
        }
    }
}

impl Password {
    /// Checks a new password against the policy.
    pub fn parse_new(raw: &str) -> Result<Self, PasswordError> {
        let normalized = Self::normalize(raw);
        let chars = normalized.chars().count();
        if chars < PASSWORD_MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        if chars > PASSWORD_MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        if is_common_password(&normalized) {
            return Err(PasswordError::Common);
        }
        Ok(Self(normalized))
    }

    /// A password presented at login: normalized the same way, not policy-checked (the
    /// policy may have changed since it was set). Inputs are cut at 4× the maximum so a
    /// huge body cannot make hashing expensive.
    pub fn presented(raw: &str) -> Self {
        let normalized = Self::normalize(raw);
        Self(
            normalized
                .chars()
                .take(PASSWORD_MAX_CHARS * 4)
                .collect::<String>(),
        )
    }

    /// The normalized password's bytes, for hashing.
    pub fn expose_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    fn normalize(raw: &str) -> String {
        raw.nfkc().collect()
    }
}

/// The common-password list shipped in `data/common-passwords.txt` (Django 5.2's
/// `common-passwords.txt.gz`, 19,640 entries, lower-case).
const COMMON_PASSWORDS: &str = include_str!("../../data/common-passwords.txt");

/// Whether `password` (compared trimmed and lower-cased) is in the common list.
pub fn is_common_password(password: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        COMMON_PASSWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    });
    set.contains(password.trim().to_lowercase().as_str())
}

/// A user account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The id.
    pub id: UserId,
    /// The email as given (trimmed, domain lower-cased).
    pub email: String,
    /// The display name, if set.
    pub display_name: Option<String>,
    /// Granted roles.
    pub roles: Vec<Role>,
    /// When the account was created.
    pub created_at: DateTime<Utc>,
    /// IANA time-zone name, if set.
    pub time_zone: Option<String>,
    /// BCP 47 language tag, if set.
    pub locale: Option<String>,
    /// Whether the member agreed to marketing messages.
    pub marketing_consent: bool,
    /// When the consent last changed (`None`: never).
    pub marketing_consent_at: Option<DateTime<Utc>>,
    /// When the member proved they own the address (`None`: not yet).
    pub email_verified_at: Option<DateTime<Utc>>,
    /// When an admin disabled the account (`None`: enabled).
    pub disabled_at: Option<DateTime<Utc>>,
}

/// A new account's validated input.
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// The email.
    pub email: Email,
    /// The password.
    pub password: Password,
    /// The display name (trimmed; empty means none).
    pub display_name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_domain_lowercased() {
        let e = Email::parse("  Jane.Doe@Example.COM ").unwrap_or_else(|_| panic!("valid"));
        assert_eq!(e.as_str(), "Jane.Doe@example.com");
        assert_eq!(e.normalized(), "jane.doe@example.com");
        for bad in [
            "", "a", "a@", "@b.c", "a@b", "a b@c.d", "a@b..c", "a@-b.c", "é@b.cd", "a@b.c0m*",
            "a@b.1d",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Invalid), "{bad}");
        }
    }

    #[test]
    fn password_policy() {
        assert_eq!(
            Password::parse_new("short").err(),
            Some(PasswordError::TooShort)
        );
        assert_eq!(
            Password::parse_new(&"x".repeat(129)).err(),
            Some(PasswordError::TooLong)
        );
        assert!(Password::parse_new("correct horse battery staple").is_ok());
        assert!(Password::parse_new("ünïcödé pässwörd ✓").is_ok());
        assert!(is_common_password("123456"));
        assert!(is_common_password("Password"));
        assert!(!is_common_password("correct horse battery staple"));
    }
}
/// Longest locale tag accepted (RFC 5646 §4.4.1 recommends buffers of 35 characters).
pub const LOCALE_MAX_LEN: usize = 35;

/// A profile change as received: `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct ProfilePatch {
    /// New display name.
    pub display_name: Option<Option<String>>,
    /// New IANA time zone.
    pub time_zone: Option<Option<String>>,
    /// New BCP 47 locale.
    pub locale: Option<Option<String>>,
    /// New marketing consent.
    pub marketing_consent: Option<bool>,
}

/// Longest display name, in characters.
pub const DISPLAY_NAME_MAX_CHARS: usize = 100;

/// Registration input as received (validated here, not in the API layer).
#[derive(Clone)]
pub struct RegisterInput {
    /// The email as typed.
    pub email: String,
    /// The password as typed.
    pub password: String,
    /// Optional display name.
    pub display_name: Option<String>,
}
