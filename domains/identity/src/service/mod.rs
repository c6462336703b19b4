//! The identity use-cases. Each owns its transaction; password hashing runs on a bounded
//! pool off the async runtime. Spans carry ids only, never emails, passwords or tokens.
//!
//! One file per group of use-cases: `accounts` (registration, the caller's account),
//! `profile`, `login`, `lockout`, `tokens` (refresh rotation), `sessions`, `passwords`
//! (argon2id on a bounded pool), `admin` (roles and account state), `exports` and `erasure` (account export and erasure
//! across every module; their job handlers are in `privacy_jobs`), `account_email`
//! (verification and reset emails, email verification), `credentials` (password reset
//! and change, and their rate limits), `mfa` (TOTP enrollment, recovery codes),
//! `mfa_login` (the login step-up) and `totp` (codes, the encryption of secrets).

mod account_email;
mod accounts;
mod admin;
mod credentials;
mod eligibility;
mod erasure;
mod exports;
mod lockout;
mod login;
mod memberships;
mod mfa;
mod mfa_login;
mod organizations;
mod passwords;
mod privacy_jobs;
mod profile;
mod seed;
mod sessions;
mod tokens;
mod totp;

use haven_platform::Unexpected;
use std::time::Duration;

use base64::Engine;
use chrono::{DateTime, NaiveDateTime, Utc};
use haven_platform::auth::{Auth, Role};
use haven_platform::mail::Mailer;
use haven_platform::privacy::ModuleHandle;
use haven_platform::{Db, PlatformContext};
use sha2::{Digest, Sha256};

use crate::model::{SecurityEventId, SecurityEventKind};
use crate::model::{Session, SessionId, User, UserId};
use crate::repo::{SecurityEventRow, SessionRow, UserRow};

pub use account_email::{
    EMAIL_VERIFICATION_TTL, PASSWORD_RESET_TTL, RESET_PASSWORD_PATH, VERIFY_EMAIL_PATH,
};
pub use admin::{
    Actor, AdminUser, EMAIL_SEARCH_MAX_LEN, UserQuery, email_search, role_name, validate_roles,
};
pub use eligibility::EligibilityReplaced;
pub use erasure::{ERASE_JOB, ERASURE_MAX_ATTEMPTS, ErasureStatus, ErasureStep};
pub use exports::{EXPORT_JOB, EXPORT_TTL, ExportState, ExportStatus, PURGE_EXPORTS_JOB};
pub use memberships::Joined;
pub use mfa::{
    MFA_CHALLENGE_MAX_ATTEMPTS, MFA_CHALLENGE_TTL, MFA_REQUIRED_ROLES, RECOVERY_CODE_COUNT,
};
pub use organizations::{NewOrganization, OrganizationPatch};
pub use passwords::{ARGON2_M_KIB, ARGON2_P, ARGON2_T};
use passwords::{Hasher, dummy_hash};
pub use privacy_jobs::{EraseUserFromModule, ExportUserData, PurgeExpiredExports};
pub use profile::{LOCALE_MAX_LEN, ProfilePatch};
pub use seed::{DEMO_ACCOUNTS, DEMO_ORGANIZATION, SEED_PASSWORD_ENV};
pub use totp::{TOTP_ISSUER, TOTP_STEP_S};

/// Lifetime of access tokens.
pub const ACCESS_TOKEN_TTL: Duration = Duration::from_secs(15 * 60);

/// Session lifetimes and the soft-lock, from the `identity.*` settings (validated at
/// start-up, so the conversions below cannot overflow).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Policy {
    /// A refresh token expires after this long unused (each refresh issues a new one).
    pub refresh_idle_ttl: chrono::Duration,
    /// A session (refresh-token family) ends this long after its login, however used.
    pub session_max_age: chrono::Duration,
    /// A refresh token presented again within this long after its first use gets the
    /// same new pair (two concurrent refreshes from one app); later, it revokes the family.
    pub refresh_grace: chrono::Duration,
    /// Consecutive failed logins that lock an account.
    pub lockout_threshold: usize,
    /// The window those failures must fall in.
    pub lockout_window: chrono::Duration,
}

impl Policy {
    fn from_settings(s: &haven_platform::config::IdentitySettings) -> Self {
        let secs = |v: u64| chrono::Duration::seconds(i64::try_from(v).unwrap_or(i64::MAX / 1000));
        Self {
            refresh_idle_ttl: secs(s.refresh_idle_ttl_s),
            session_max_age: secs(s.session_max_age_s),
            refresh_grace: secs(s.refresh_reuse_grace_s),
            lockout_threshold: usize::try_from(s.lockout_threshold).unwrap_or(usize::MAX),
            lockout_window: secs(s.lockout_window_s),
        }
    }
}
/// Longest display name, in characters.
pub const DISPLAY_NAME_MAX_CHARS: usize = 100;

/// A display name trimmed (blank means none), with a problem recorded when it is too
/// long; used by registration and the profile so both apply one rule.
pub(crate) fn clean_display_name(
    name: Option<String>,
    problems: &mut Vec<crate::error::FieldProblem>,
) -> Option<String> {
    // The length as sent, as the document's `maxLength` counts it.
    let too_long = name
        .as_ref()
        .is_some_and(|n| n.chars().count() > DISPLAY_NAME_MAX_CHARS);
    let name = name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if too_long {
        problems.push(crate::error::FieldProblem {
            field: "display_name",
            code: "too_long",
            message: format!(
                "The display name must be at most {DISPLAY_NAME_MAX_CHARS} characters long."
            ),
        });
    }
    name
}
/// Longest device label, in characters (longer labels are cut).
pub const DEVICE_LABEL_MAX_CHARS: usize = 100;

/// The identity use-cases. Cheap to clone.
#[derive(Clone, Debug)]
pub struct IdentityService {
    db: Db,
    auth: Auth,
    hasher: Hasher,
    mail: Mailer,
    policy: Policy,
    modules: ModuleHandle,
    /// `None` only if no key could be made (no randomness): MFA operations then fail.
    mfa_cipher: Option<totp::SecretCipher>,
}

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

impl IdentityService {
    /// From the platform context.
    pub fn new(ctx: &PlatformContext) -> Self {
        // Make the dummy hash now, so the first unknown-email login costs what the others
        // do.
        std::thread::spawn(|| {
            if let Err(e) = dummy_hash() {
                tracing::error!(error = %e, "cannot prepare the dummy password hash");
            }
        });
        Self {
            db: ctx.db.clone(),
            auth: ctx.auth.clone(),
            hasher: Hasher::new(),
            mail: ctx.mail.clone(),
            policy: Policy::from_settings(&ctx.settings.identity),
            modules: ctx.modules.handle(),
            mfa_cipher: mfa_cipher(&ctx.settings.auth),
        }
    }

    /// The public JWKS document of every key that verifies access tokens.
    pub fn jwks_json(&self) -> String {
        self.auth.jwks_json()
    }
}

/// The cipher of TOTP secrets from `auth.mfa_encryption_key`, or, unset, a throwaway key
/// with a warning (the same rule as the token signing key).
fn mfa_cipher(settings: &haven_platform::config::AuthSettings) -> Option<totp::SecretCipher> {
    let configured = match settings.mfa_encryption_key_bytes() {
        Ok(Some(key)) => return Some(totp::SecretCipher::new(&key)),
        Ok(None) => None,
        // Validated at load; reaching this means the settings were built unvalidated.
        Err(e) => Some(e),
    };
    match configured {
        Some(e) => tracing::error!(error = %e, "using a throwaway MFA encryption key"),
        None => tracing::warn!(
            "auth.mfa_encryption_key is not set: TOTP secrets are encrypted with a throwaway \
             key generated at start (development only: second factors enrolled now stop \
             working when this process exits, and other nodes cannot read them)"
        ),
    }
    totp::SecretCipher::throwaway()
        .inspect_err(|e| tracing::error!(error = %e, "no MFA encryption key: MFA is unavailable"))
        .ok()
}

fn security_event(
    kind: SecurityEventKind,
    user_id: Option<UserId>,
    session_id: Option<SessionId>,
    now: NaiveDateTime,
) -> SecurityEventRow {
    SecurityEventRow {
        id: SecurityEventId::new(),
        kind: kind.as_str().to_owned(),
        user_id,
        session_id,
        created_at: now,
        actor_id: None,
        detail: None,
        lock_key: None,
    }
}

/// `haven_identity_security_events_total{kind}`.
fn count(kind: SecurityEventKind) {
    metrics::counter!("haven_identity_security_events_total", "kind" => kind.as_str()).increment(1);
}

fn roles_to_json(roles: &[Role]) -> Result<String, Unexpected> {
    serde_json::to_string(roles).map_err(Unexpected::with("roles"))
}

fn user_from_row(row: UserRow) -> Result<User, Unexpected> {
    let id = row.id;
    let roles: Vec<Role> =
        serde_json::from_str(&row.roles).map_err(Unexpected::with("identity_users.roles"))?;
    Ok(User {
        id,
        email: row.email,
        display_name: row.display_name,
        roles,
        created_at: utc(row.created_at),
        time_zone: row.time_zone,
        locale: row.locale,
        marketing_consent: row.marketing_consent,
        marketing_consent_at: row.marketing_consent_at.map(utc),
        email_verified_at: row.email_verified_at.map(utc),
        disabled_at: row.disabled_at.map(utc),
    })
}

fn session_from_row(row: SessionRow) -> Session {
    Session {
        id: row.id,
        device_label: row.device_label,
        ip_coarse: row.ip_coarse,
        created_at: utc(row.created_at),
        last_used_at: utc(row.last_used_at),
    }
}

fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(t, Utc)
}

/// 256 random bits, base64url without padding.
fn random_token() -> Result<String, Unexpected> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(Unexpected::with("random token"))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

fn sha256_hex(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
