//! `identity.*` keys: session lifetimes and the login soft-lock. They live in the
//! platform's settings so one validated file configures the whole binary.

use serde::{Deserialize, Serialize};

/// `identity.*` keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct IdentitySettings {
    /// A refresh token expires this many seconds after it was issued unused (each
    /// refresh issues a new one, so an active session never meets it).
    pub refresh_idle_ttl_s: u64,
    /// A session ends this many seconds after its login, however actively used.
    pub session_max_age_s: u64,
    /// A used refresh token presented again within this many seconds gets the same new
    /// pair (two concurrent refreshes from one app); later, it revokes the session.
    pub refresh_reuse_grace_s: u64,
    /// Consecutive failed logins that soft-lock an account.
    pub lockout_threshold: u32,
    /// The window those failures must fall in; the lock lasts until the oldest leaves it.
    pub lockout_window_s: u64,
}

impl Default for IdentitySettings {
    fn default() -> Self {
        Self {
            refresh_idle_ttl_s: 30 * 86_400,
            session_max_age_s: 90 * 86_400,
            refresh_reuse_grace_s: 10,
            lockout_threshold: 10,
            lockout_window_s: 15 * 60,
        }
    }
}

/// Longest accepted reuse grace: a longer one would let a stolen, already-used refresh
/// token mint pairs for a useful while.
pub const MAX_REFRESH_REUSE_GRACE_S: u64 = 60;

impl IdentitySettings {
    /// Checks ranges and the relation between the two lifetimes; the error names the key.
    pub(super) fn validate(&self) -> Result<(), String> {
        for (key, value) in [
            ("identity.refresh_idle_ttl_s", self.refresh_idle_ttl_s),
            ("identity.session_max_age_s", self.session_max_age_s),
            ("identity.lockout_window_s", self.lockout_window_s),
        ] {
            // Timestamps are computed with chrono, which caps durations far below u64.
            if value == 0 || value > 10 * 365 * 86_400 {
                return Err(format!(
                    "{key}: expected a positive number of seconds of at most 10 years"
                ));
            }
        }
        if self.refresh_idle_ttl_s > self.session_max_age_s {
            return Err(
                "identity.refresh_idle_ttl_s: must not exceed identity.session_max_age_s"
                    .to_owned(),
            );
        }
        if self.refresh_reuse_grace_s > MAX_REFRESH_REUSE_GRACE_S {
            return Err(format!(
                "identity.refresh_reuse_grace_s: expected 0 to {MAX_REFRESH_REUSE_GRACE_S} seconds"
            ));
        }
        if !(1..=1000).contains(&self.lockout_threshold) {
            return Err(
                "identity.lockout_threshold: expected an integer from 1 to 1000".to_owned(),
            );
        }
        Ok(())
    }
}
