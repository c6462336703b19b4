//! The identity service value shared by every resource's use-cases, and the helpers they
//! share. Each use-case owns its transaction (`Db::write` / `Db::read`); password hashing
//! runs on a bounded pool off the async runtime (`credentials::hasher`). Spans carry ids
//! only, never emails, passwords or tokens.

use base64::Engine;
use haven_platform::auth::Auth;
use haven_platform::mail::Mailer;
use haven_platform::privacy::ModuleHandle;
use haven_platform::{Db, PlatformContext, Unexpected};
use sha2::{Digest, Sha256};

use crate::credentials::hasher::{Hasher, dummy_hash};
use crate::mfa::totp::SecretCipher;
use crate::ports::{SeatAdmission, Seats};

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

/// The identity use-cases. Cheap to clone.
#[derive(Clone, Debug)]
pub struct IdentityService {
    pub(crate) db: Db,
    pub(crate) auth: Auth,
    pub(crate) hasher: Hasher,
    pub(crate) mail: Mailer,
    pub(crate) policy: Policy,
    pub(crate) modules: ModuleHandle,
    /// `None` only if no key could be made (no randomness): MFA operations then fail.
    pub(crate) mfa_cipher: Option<SecretCipher>,
    /// Sponsored seats, asked in each join (installed by the app's wiring).
    pub(crate) seats: Seats,
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
            seats: Seats::default(),
        }
    }

    /// Installs the seat-admission port's adapter (once, at wiring).
    pub fn install_seat_admission(&self, admission: std::sync::Arc<dyn SeatAdmission>) {
        self.seats.install(admission);
    }

    /// The public JWKS document of every key that verifies access tokens.
    pub fn jwks_json(&self) -> String {
        self.auth.jwks_json()
    }
}

/// The cipher of TOTP secrets from `auth.mfa_encryption_key`, or, unset, a throwaway key
/// with a warning (the same rule as the token signing key).
pub(crate) fn mfa_cipher(settings: &haven_platform::config::AuthSettings) -> Option<SecretCipher> {
    let configured = match settings.mfa_encryption_key_bytes() {
        Ok(Some(key)) => return Some(SecretCipher::new(&key)),
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
    SecretCipher::throwaway()
        .inspect_err(|e| tracing::error!(error = %e, "no MFA encryption key: MFA is unavailable"))
        .ok()
}

pub(crate) use haven_platform::time::utc;

/// 256 random bits, base64url without padding.
pub(crate) fn random_token() -> Result<String, Unexpected> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(Unexpected::with("random token"))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

pub(crate) fn sha256_hex(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
