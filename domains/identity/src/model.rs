//! Domain types and their invariants: ids, normalized emails, acceptable passwords and
//! the user account.

use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use haven_platform::auth::Role;
use haven_platform::define_id;
use unicode_normalization::UnicodeNormalization;

/// The account and session ids live in the platform (other domains store user ids, and
/// `Principal` carries both); re-exported so `crate::model::UserId` keeps working.
pub use haven_platform::ids::{SessionId, UserId};
define_id!(
    /// A stored refresh token (`rft_…`); never shown to clients.
    RefreshTokenId,
    "rft"
);

define_id!(
    /// A security event (`sev_…`).
    SecurityEventId,
    "sev"
);

define_id!(
    /// An export of a member's data (`exp_…`).
    ExportId,
    "exp"
);

/// A security-relevant event, recorded in `identity_security_events` and the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecurityEventKind {
    /// A successful login.
    LoginSucceeded,
    /// A failed login (unknown email or wrong password).
    LoginFailed,
    /// A used refresh token was presented after the grace window; the session is revoked.
    RefreshTokenReused,
    /// A session was signed out (logout or revocation).
    SessionRevoked,
    /// Too many consecutive failed logins: the account is soft-locked for a while.
    AccountLocked,
    /// A login refused, without checking the password, because the account is locked
    /// (not a failure: it does not extend the lock).
    LoginLocked,
    /// The member changed their password (other sessions are revoked).
    PasswordChanged,
    /// A password was reset with an emailed token (other sessions are revoked, the lock
    /// is lifted).
    PasswordReset,
    /// A password-reset email was requested for an existing account.
    PasswordResetRequested,
    /// The member proved they own their email address.
    EmailVerified,
    /// An admin changed the account's roles (`actor_id` is the admin).
    RoleChanged,
    /// An admin disabled the account (all sessions are revoked).
    AccountDisabled,
    /// An admin re-enabled the account.
    AccountEnabled,
    /// A second factor (TOTP) was confirmed and turned on.
    MfaEnabled,
    /// The second factor was turned off.
    MfaDisabled,
    /// A one-time recovery code was used in place of a TOTP code.
    MfaRecoveryCodeUsed,
    /// A second-factor code was wrong.
    MfaFailed,
    /// The member asked for an export of their data.
    ExportRequested,
    /// The member downloaded their export.
    ExportDownloaded,
    /// The member asked for their account to be erased.
    ErasureRequested,
    /// Every module erased the member's data.
    ErasureCompleted,
    /// An admin created an organization (`actor_id` is the admin).
    OrganizationCreated,
    /// An admin changed an organization's name or allowed domains.
    OrganizationUpdated,
    /// An admin replaced an organization's eligibility list.
    EligibilityListReplaced,
    /// The member joined an organization.
    OrganizationJoined,
    /// The member left an organization.
    OrganizationLeft,
    /// The member's membership was ended by an admin: removal, or a new eligibility
    /// list or domain set that no longer covers them (`detail` says which).
    OrganizationMemberRemoved,
    /// The member started enrolling a TOTP factor (pending until confirmed).
    MfaEnrollmentStarted,
    /// The member replaced their recovery codes (the old ones stop working).
    MfaRecoveryCodesRegenerated,
}

impl SecurityEventKind {
    /// The stored name, also the metric label.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::LoginSucceeded => "login_succeeded",
            Self::LoginFailed => "login_failed",
            Self::RefreshTokenReused => "refresh_token_reused",
            Self::SessionRevoked => "session_revoked",
            Self::AccountLocked => "account_locked",
            Self::LoginLocked => "login_locked",
            Self::PasswordChanged => "password_changed",
            Self::PasswordReset => "password_reset",
            Self::PasswordResetRequested => "password_reset_requested",
            Self::EmailVerified => "email_verified",
            Self::RoleChanged => "role_changed",
            Self::AccountDisabled => "account_disabled",
            Self::AccountEnabled => "account_enabled",
            Self::MfaEnabled => "mfa_enabled",
            Self::MfaDisabled => "mfa_disabled",
            Self::MfaRecoveryCodeUsed => "mfa_recovery_code_used",
            Self::MfaFailed => "mfa_failed",
            Self::ExportRequested => "export_requested",
            Self::ExportDownloaded => "export_downloaded",
            Self::ErasureRequested => "erasure_requested",
            Self::ErasureCompleted => "erasure_completed",
            Self::OrganizationCreated => "organization_created",
            Self::OrganizationUpdated => "organization_updated",
            Self::EligibilityListReplaced => "eligibility_list_replaced",
            Self::OrganizationJoined => "organization_joined",
            Self::OrganizationLeft => "organization_left",
            Self::OrganizationMemberRemoved => "organization_member_removed",
            Self::MfaEnrollmentStarted => "mfa_enrollment_started",
            Self::MfaRecoveryCodesRegenerated => "mfa_recovery_codes_regenerated",
        }
    }
}

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
const COMMON_PASSWORDS: &str = include_str!("../data/common-passwords.txt");

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

/// A login session (one refresh-token family).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The id.
    pub id: SessionId,
    /// What the client called its device.
    pub device_label: Option<String>,
    /// The network of the last login or refresh (IPv4 /24, IPv6 /48), if known.
    pub ip_coarse: Option<String>,
    /// When the session was opened.
    pub created_at: DateTime<Utc>,
    /// Last login or refresh.
    pub last_used_at: DateTime<Utc>,
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

/// What a successful login yields.
#[derive(Debug, Clone)]
pub struct LoginTokens {
    /// The signed access token.
    pub access_token: String,
    /// The opaque refresh token (only its hash is stored).
    pub refresh_token: String,
    /// Seconds until the access token expires.
    pub expires_in: u32,
    /// The new session.
    pub session_id: SessionId,
    /// The account's role requires a second factor and none is enrolled yet.
    pub mfa_enrollment_required: bool,
}

define_id!(
    /// A login waiting for its second factor (`mch_…`); never shown to clients.
    MfaChallengeId,
    "mch"
);
define_id!(
    /// A stored recovery code (`mrc_…`); never shown to clients.
    RecoveryCodeId,
    "mrc"
);

/// What a login with the right password yields.
#[derive(Debug, Clone)]
pub enum LoginOutcome {
    /// A session: no second factor is enabled.
    Tokens(LoginTokens),
    /// The second factor must be presented with this challenge first.
    MfaRequired(MfaChallenge),
}

/// A pending second-factor step of a login.
#[derive(Debug, Clone)]
pub struct MfaChallenge {
    /// The opaque challenge token (only its hash is stored).
    pub token: String,
    /// Seconds until it expires.
    pub expires_in: u32,
}

/// A second factor as presented.
#[derive(Clone)]
pub enum MfaFactor {
    /// A 6-digit TOTP code.
    Totp(String),
    /// A one-time recovery code.
    RecoveryCode(String),
}

impl std::fmt::Debug for MfaFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Totp(_) => "Totp(<redacted>)",
            Self::RecoveryCode(_) => "RecoveryCode(<redacted>)",
        })
    }
}

/// A started TOTP enrollment: what the authenticator app needs.
#[derive(Clone)]
pub struct TotpEnrollment {
    /// The secret, base32 without padding (for manual entry).
    pub secret: String,
    /// `otpauth://totp/Haven:<email>?secret=…&issuer=Haven` (for a QR code).
    pub otpauth_uri: String,
}

/// The account's second-factor state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MfaStatus {
    /// A TOTP factor is confirmed and on.
    pub enabled: bool,
    /// An enrollment waits for its confirming code.
    pub pending: bool,
    /// When the factor was turned on.
    pub enabled_at: Option<DateTime<Utc>>,
    /// Unused recovery codes.
    pub recovery_codes_left: u32,
    /// The account's role requires a second factor.
    pub required: bool,
}

define_id!(
    /// A single-use token mailed to a member (`emt_…`); never shown to clients.
    EmailTokenId,
    "emt"
);

/// What a mailed token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailTokenPurpose {
    /// Proves the member owns the address (`email_verified_at`).
    VerifyEmail,
    /// Lets the member set a new password without the old one.
    ResetPassword,
}

impl EmailTokenPurpose {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::ResetPassword => "reset_password",
        }
    }
}

mod eligibility;
mod organizations;
pub use eligibility::{
    ELIGIBILITY_MAX_BYTES, ELIGIBILITY_MAX_REPORTED, ELIGIBILITY_MAX_ROWS, EligibilityEntry,
    EligibilityErrors, RowProblem, parse_eligibility_csv,
};
pub use organizations::{
    EMPLOYEE_ID_MAX_CHARS, EmailDomain, EndReason, JoinedVia, MAX_ALLOWED_DOMAINS, Membership,
    MembershipId, ORGANIZATION_NAME_MAX_CHARS, Organization, OrganizationId,
};

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
