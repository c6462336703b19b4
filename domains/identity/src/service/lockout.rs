//! Brute-force protection: login rate-limit policies and the account soft-lock.
//!
//! An account is locked after [`LOCKOUT_THRESHOLD`] consecutive failed logins (no
//! successful login in between) within [`LOCKOUT_WINDOW`], and unlocks when the oldest of
//! those failures leaves the window. The failures are the `login_failed` rows of
//! `identity_security_events`, so the lock needs no state of its own and holds across
//! nodes. A successful login or a password reset (by emailed token) ends the lock: their
//! events are the [`LOCK_RESET_KINDS`].

use chrono::NaiveDateTime;
use diesel::Connection;
use haven_platform::config::RateLimitPolicy;
use haven_platform::time::now_utc;

use super::{IdentityService, count, security_event};
use crate::error::IdentityError;
use crate::model::SecurityEventKind;
use crate::repo;

/// Consecutive failed logins that lock an account.
pub const LOCKOUT_THRESHOLD: usize = 10;
/// The window those failures must fall in; the lock lasts until the oldest leaves it.
pub const LOCKOUT_WINDOW: chrono::Duration = chrono::Duration::minutes(15);
/// Events after which failures count from zero again.
const LOCK_RESET_KINDS: &[&str] = &[
    SecurityEventKind::LoginSucceeded.as_str(),
    SecurityEventKind::PasswordReset.as_str(),
];

/// Rate-limit policy keyed by the normalized email (`rate_limits.identity_login_email`
/// overrides it). Above the lockout threshold, so the lock is what a guesser meets first;
/// the limit caps the hashing work one address can cost.
pub const LOGIN_EMAIL_POLICY: (&str, RateLimitPolicy) = (
    "identity_login_email",
    RateLimitPolicy {
        limit: 20,
        window_s: 300,
    },
);
/// Rate-limit policy keyed by the client IP (`rate_limits.identity_login_ip` overrides
/// it): bounds password spraying across many accounts from one address.
pub const LOGIN_IP_POLICY: (&str, RateLimitPolicy) = (
    "identity_login_ip",
    RateLimitPolicy {
        limit: 50,
        window_s: 300,
    },
);

/// When the lock ends, given the failure times that count (newest first), or `None`
/// when the account is not locked.
fn locked_until(failures: &[NaiveDateTime]) -> Option<NaiveDateTime> {
    failures
        .get(LOCKOUT_THRESHOLD - 1)
        .map(|oldest| *oldest + LOCKOUT_WINDOW)
}

/// The failures that count toward the lock at `now`, newest first.
fn counted_failures(
    conn: &mut haven_platform::AnyConnection,
    user_id: &str,
    now: NaiveDateTime,
) -> diesel::QueryResult<Vec<NaiveDateTime>> {
    let window_start = now - LOCKOUT_WINDOW;
    let since = match repo::last_security_event_at(conn, user_id, LOCK_RESET_KINDS)? {
        Some(reset) => reset.max(window_start),
        None => window_start,
    };
    repo::security_event_times_since(
        conn,
        user_id,
        SecurityEventKind::LoginFailed.as_str(),
        since,
        // One more than the threshold: tells "just reached it" from "already past it".
        i64::try_from(LOCKOUT_THRESHOLD + 1).unwrap_or(i64::MAX),
    )
}

impl IdentityService {
    /// `Some(seconds left)` when the account is locked; the refused attempt is recorded
    /// as `login_locked` (it does not extend the lock).
    pub(super) async fn check_lock(&self, user_id: &str) -> Result<Option<u64>, IdentityError> {
        let user = user_id.to_owned();
        let now = now_utc();
        let until = self
            .db
            .run(move |conn| {
                let until = locked_until(&counted_failures(conn, &user, now)?);
                if until.is_some_and(|u| u > now) {
                    repo::insert_security_event(
                        conn,
                        &security_event(SecurityEventKind::LoginLocked, Some(user), None, now),
                    )?;
                }
                Ok::<_, IdentityError>(until)
            })
            .await?;
        match until {
            Some(until) if until > now => {
                count(SecurityEventKind::LoginLocked);
                tracing::info!(event = "login_locked", "login refused: account locked");
                let ms = (until - now).num_milliseconds();
                let secs = u64::try_from(ms.div_euclid(1000) + i64::from(ms % 1000 != 0))
                    .unwrap_or(1)
                    .max(1);
                Ok(Some(secs))
            }
            _ => Ok(None),
        }
    }

    /// Records a failed login; for a known account, locks it when this failure reaches
    /// the threshold (`account_locked` event, counted in
    /// `haven_identity_security_events_total{kind="account_locked"}`).
    pub(super) async fn record_failure(
        &self,
        user_id: Option<String>,
    ) -> Result<(), IdentityError> {
        count(SecurityEventKind::LoginFailed);
        tracing::info!(event = "login_failed", user_id = ?user_id, "security event");
        let now = now_utc();
        let locked = self
            .db
            .run(move |conn| {
                conn.transaction(|conn| -> diesel::QueryResult<bool> {
                    repo::insert_security_event(
                        conn,
                        &security_event(SecurityEventKind::LoginFailed, user_id.clone(), None, now),
                    )?;
                    let Some(user) = user_id else {
                        return Ok(false);
                    };
                    let failures = counted_failures(conn, &user, now)?;
                    // Exactly at the threshold: this failure locks (past it, one already did).
                    let locks = failures.len() == LOCKOUT_THRESHOLD;
                    if locks {
                        repo::insert_security_event(
                            conn,
                            &security_event(
                                SecurityEventKind::AccountLocked,
                                Some(user),
                                None,
                                now,
                            ),
                        )?;
                    }
                    Ok(locks)
                })
                .map_err(IdentityError::from)
            })
            .await?;
        if locked {
            count(SecurityEventKind::AccountLocked);
            tracing::warn!(
                event = "account_locked",
                "account locked after failed logins"
            );
        }
        Ok(())
    }
}
