//! Brute-force protection: the account soft-lock (the rate limits are in `limits`).
//!
//! An account is locked after `identity.lockout_threshold` consecutive failed logins or
//! wrong second-factor codes (no successful login in between) within
//! `identity.lockout_window_s`, and unlocks when the oldest of those failures leaves the
//! window. The failures are the `login_failed` and `mfa_failed` rows of
//! `identity_security_events`, so the lock needs no state of its own and holds across
//! nodes. Failures count against a lock key: the account, or for an unregistered address
//! a hash of it, so unknown addresses lock the same way and the lock cannot be used to
//! learn which addresses are registered. Events of `LOCK_RESET_KINDS` end a lock: a
//! successful login, or a password reset by emailed token.

use chrono::NaiveDateTime;
use haven_platform::Fault;
use haven_platform::ids::{SessionId, UserId};
use haven_platform::time::now_utc;

use crate::security_events::model::SecurityEventKind;
use crate::security_events::service::{count, security_event};
use crate::service::{IdentityService, Policy, sha256_hex};
use crate::{accounts, security_events};

/// Events after which failures count from zero again.
const LOCK_RESET_KINDS: &[&str] = &[
    SecurityEventKind::LoginSucceeded.as_str(),
    SecurityEventKind::PasswordReset.as_str(),
];

/// Events that count toward the lock: a wrong password, and a wrong second-factor code
/// (so six-digit codes cannot be guessed at the rate of passwords' limits).
const FAILURE_KINDS: &[&str] = &[
    SecurityEventKind::LoginFailed.as_str(),
    SecurityEventKind::MfaFailed.as_str(),
];

/// The key failures count against: the user id of a registered account, else a hash of
/// the normalized address (or of the raw input when it is not an address).
pub(crate) fn lock_key(user_id: Option<UserId>, email: &str) -> String {
    if let Some(id) = user_id {
        return id.to_string();
    }
    let normalized = accounts::model::Email::parse(email).map_or_else(
        |_| email.trim().to_lowercase(),
        |e| e.normalized().to_owned(),
    );
    format!(
        "email:{}",
        sha256_hex(&format!("haven-lock-key:{normalized}"))
    )
}

/// When the lock ends, given the failure times that count (newest first), or `None`
/// when the key is not locked.
fn locked_until(failures: &[NaiveDateTime], policy: Policy) -> Option<NaiveDateTime> {
    failures
        .get(policy.lockout_threshold.saturating_sub(1))
        .map(|oldest| *oldest + policy.lockout_window)
}

/// The failures that count toward the lock at `now`, newest first.
fn counted_failures(
    conn: &mut haven_platform::AnyConnection,
    lock_key: &str,
    user_id: Option<UserId>,
    now: NaiveDateTime,
    policy: Policy,
) -> diesel::QueryResult<Vec<NaiveDateTime>> {
    let window_start = now - policy.lockout_window;
    let reset = match user_id {
        Some(user) => security_events::repo::last_security_event_at(conn, user, LOCK_RESET_KINDS)?,
        None => None,
    };
    let since = reset.map_or(window_start, |reset| reset.max(window_start));
    security_events::repo::security_event_times_since_any(
        conn,
        lock_key,
        FAILURE_KINDS,
        since,
        // One more than the threshold: tells "just reached it" from "already past it".
        i64::try_from(policy.lockout_threshold.saturating_add(1)).unwrap_or(i64::MAX),
    )
}

impl IdentityService {
    /// `Some(seconds left)` when `lock_key` is locked; the refused attempt is recorded
    /// as `login_locked` (it does not extend the lock).
    pub(crate) async fn check_lock(
        &self,
        lock_key: &str,
        user_id: Option<UserId>,
    ) -> Result<Option<u64>, Fault> {
        let key = lock_key.to_owned();
        let now = now_utc();
        let policy = self.policy;
        let until = self
            .db
            .write(move |conn| {
                let failures = counted_failures(conn, &key, user_id, now, policy)?;
                let until = locked_until(&failures, policy);
                if until.is_some_and(|u| u > now) {
                    security_events::repo::insert_security_event(
                        conn,
                        &security_event(SecurityEventKind::LoginLocked, user_id, None, now),
                    )?;
                }
                Ok::<_, Fault>(until)
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

    /// Records a failed login against `lock_key`; locks it when this failure reaches the
    /// threshold (`account_locked` event, counted in
    /// `haven_identity_security_events_total{kind="account_locked"}`).
    pub(crate) async fn record_failure(
        &self,
        user_id: Option<UserId>,
        lock_key: String,
    ) -> Result<(), Fault> {
        self.record_failure_of(SecurityEventKind::LoginFailed, user_id, lock_key, None)
            .await
    }

    /// Records a wrong second-factor code of the account (`mfa_failed`); it counts
    /// toward the same lock as a wrong password.
    pub(crate) async fn record_mfa_failure(
        &self,
        user_id: UserId,
        session_id: Option<SessionId>,
    ) -> Result<(), Fault> {
        // A registered account's lock key is its id (see `lock_key`).
        self.record_failure_of(
            SecurityEventKind::MfaFailed,
            Some(user_id),
            lock_key(Some(user_id), ""),
            session_id,
        )
        .await
    }

    async fn record_failure_of(
        &self,
        kind: SecurityEventKind,
        user_id: Option<UserId>,
        lock_key: String,
        session_id: Option<SessionId>,
    ) -> Result<(), Fault> {
        count(kind);
        tracing::info!(event = kind.as_str(), user_id = ?user_id, "security event");
        let now = now_utc();
        let policy = self.policy;
        let locked = self
            .db
            .write(move |conn| {
                let mut failure = security_event(kind, user_id, session_id, now);
                failure.lock_key = Some(lock_key.clone());
                security_events::repo::insert_security_event(conn, &failure)?;
                let failures = counted_failures(conn, &lock_key, user_id, now, policy)?;
                // Exactly at the threshold: this failure locks (past it, one already did).
                let locks = failures.len() == policy.lockout_threshold;
                if locks {
                    let mut locked =
                        security_event(SecurityEventKind::AccountLocked, user_id, None, now);
                    locked.lock_key = Some(lock_key);
                    security_events::repo::insert_security_event(conn, &locked)?;
                }
                Ok::<_, Fault>(locks)
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
