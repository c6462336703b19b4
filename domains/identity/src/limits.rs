//! Every rate-limit policy of identity, in one place: its settings name
//! (`rate_limits.<name>` overrides the default) and the default identity ships.
//! Endpoints call [`Policy::enforce`]; per-account brute-force protection beyond these
//! limits is the soft-lock (`service::lockout`).

use haven_platform::ApiError;
use haven_platform::config::RateLimitPolicy;
use haven_platform::http::problem::ErrorSet;
use haven_platform::ratelimit::{Access, RateLimitStatus, RateLimiter};

/// A named rate-limit policy with its built-in default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// The settings key, e.g. `identity_login_email`.
    pub name: &'static str,
    /// The limit when the settings do not override it.
    pub default: RateLimitPolicy,
}

impl Policy {
    const fn new(name: &'static str, limit: u32, window_s: u64) -> Self {
        Self {
            name,
            default: RateLimitPolicy { limit, window_s },
        }
    }

    /// Counts one request of `key` against this policy (as a write); over the limit,
    /// the `429` problem with `Retry-After`.
    pub async fn enforce<S: ErrorSet>(
        self,
        limiter: &RateLimiter,
        key: &str,
    ) -> Result<RateLimitStatus, ApiError<S>> {
        limiter
            .enforce_with(self.name, self.default, key, Access::Write)
            .await
    }
}

/// Logins per normalized email. Above the lockout threshold, so the lock is what a
/// guesser meets first; the limit caps the hashing work one address can cost.
pub const LOGIN_EMAIL: Policy = Policy::new("identity_login_email", 20, 300);
/// Logins per client IP: bounds password spraying across many accounts from one address.
pub const LOGIN_IP: Policy = Policy::new("identity_login_ip", 50, 300);
/// Login step-ups per client IP. Per account, wrong codes count toward the account
/// lock; per challenge, at most 5 codes are tried.
pub const LOGIN_MFA_IP: Policy = Policy::new("identity_login_mfa_ip", 50, 300);
/// Verification emails one account may ask for.
pub const VERIFY_REQUEST_USER: Policy = Policy::new("identity_verify_request_user", 5, 3600);
/// Verification emails asked for from one client IP.
pub const VERIFY_REQUEST_IP: Policy = Policy::new("identity_verify_request_ip", 30, 3600);
/// Verification attempts from one client IP (guessing tokens).
pub const VERIFY_CONFIRM_IP: Policy = Policy::new("identity_verify_confirm_ip", 30, 900);
/// Verification attempts on one account's tokens.
pub const VERIFY_CONFIRM_USER: Policy = Policy::new("identity_verify_confirm_user", 10, 3600);
/// Password-reset emails asked for one address (known or not, so it reveals nothing).
pub const RESET_REQUEST_EMAIL: Policy = Policy::new("identity_reset_request_email", 5, 3600);
/// Password-reset emails asked for from one client IP.
pub const RESET_REQUEST_IP: Policy = Policy::new("identity_reset_request_ip", 30, 3600);
/// Password-reset attempts from one client IP (guessing tokens).
pub const RESET_CONFIRM_IP: Policy = Policy::new("identity_reset_confirm_ip", 30, 900);
/// Password-reset attempts on one account's tokens.
pub const RESET_CONFIRM_USER: Policy = Policy::new("identity_reset_confirm_user", 10, 3600);
/// Password changes (current-password checks) by one account.
pub const CHANGE_PASSWORD_USER: Policy = Policy::new("identity_change_password_user", 10, 900);
/// Password checks of `POST /v1/identity/me/delete` per account: a stolen access token
/// cannot be used to guess the password.
pub const REAUTH: Policy = Policy::new("identity_reauth", 5, 900);
/// Organization joins per member: bounds guessing employee ids.
pub const ORG_JOIN: Policy = Policy::new("identity_org_join", 20, 3600);

/// Every policy above (names are unique; the tests check it).
pub const ALL: [Policy; 14] = [
    LOGIN_EMAIL,
    LOGIN_IP,
    LOGIN_MFA_IP,
    VERIFY_REQUEST_USER,
    VERIFY_REQUEST_IP,
    VERIFY_CONFIRM_IP,
    VERIFY_CONFIRM_USER,
    RESET_REQUEST_EMAIL,
    RESET_REQUEST_IP,
    RESET_CONFIRM_IP,
    RESET_CONFIRM_USER,
    CHANGE_PASSWORD_USER,
    REAUTH,
    ORG_JOIN,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_prefixed() {
        let mut names: Vec<_> = ALL.iter().map(|p| p.name).collect();
        assert!(names.iter().all(|n| n.starts_with("identity_")));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
    }
}
