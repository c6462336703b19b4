//! Setting a new password: by reset token (signs every session out, lifts the login
//! lock) or by the signed-in member with their current password (signs the other
//! sessions out); plus the rate-limit policies of the email and password endpoints.

use haven_platform::config::RateLimitPolicy;
use haven_platform::time::now_utc;

use super::account_email::{claim_token, usable_token};
use super::passwords::Verified;
use super::sessions::{RevokeReason, count_revoked, revoke_sessions_audited};
use super::{IdentityService, count, security_event, sha256_hex};
use crate::error::{FieldProblem, IdentityError};
use crate::model::{EmailTokenPurpose, Password, PasswordError, SecurityEventKind};
use crate::repo::{self, SessionScope};

const fn policy(limit: u32, window_s: u64) -> RateLimitPolicy {
    RateLimitPolicy { limit, window_s }
}

/// Verification emails one account may ask for (`rate_limits.identity_verify_request_user`).
pub const VERIFY_REQUEST_USER_POLICY: (&str, RateLimitPolicy) =
    ("identity_verify_request_user", policy(5, 3600));
/// Verification emails asked for from one client IP.
pub const VERIFY_REQUEST_IP_POLICY: (&str, RateLimitPolicy) =
    ("identity_verify_request_ip", policy(30, 3600));
/// Verification attempts from one client IP (guessing tokens).
pub const VERIFY_CONFIRM_IP_POLICY: (&str, RateLimitPolicy) =
    ("identity_verify_confirm_ip", policy(30, 900));
/// Verification attempts on one account's tokens.
pub const VERIFY_CONFIRM_USER_POLICY: (&str, RateLimitPolicy) =
    ("identity_verify_confirm_user", policy(10, 3600));
/// Password-reset emails asked for one address (known or not, so it reveals nothing).
pub const RESET_REQUEST_EMAIL_POLICY: (&str, RateLimitPolicy) =
    ("identity_reset_request_email", policy(5, 3600));
/// Password-reset emails asked for from one client IP.
pub const RESET_REQUEST_IP_POLICY: (&str, RateLimitPolicy) =
    ("identity_reset_request_ip", policy(30, 3600));
/// Password-reset attempts from one client IP (guessing tokens).
pub const RESET_CONFIRM_IP_POLICY: (&str, RateLimitPolicy) =
    ("identity_reset_confirm_ip", policy(30, 900));
/// Password-reset attempts on one account's tokens.
pub const RESET_CONFIRM_USER_POLICY: (&str, RateLimitPolicy) =
    ("identity_reset_confirm_user", policy(10, 3600));
/// Password changes (current-password checks) by one account.
pub const CHANGE_PASSWORD_USER_POLICY: (&str, RateLimitPolicy) =
    ("identity_change_password_user", policy(10, 900));

fn new_password_problem(reason: PasswordError) -> FieldProblem {
    FieldProblem {
        field: "new_password",
        code: reason.code(),
        message: format!("The new password {reason}."),
    }
}

impl IdentityService {
    /// Sets a new password with a mailed reset token: single use (every other reset link
    /// of the account dies too), revokes every session, lifts the login lock (see
    /// `lockout`), and verifies the address the link reached.
    #[tracing::instrument(skip_all, fields(user_id))]
    pub async fn reset_password(
        &self,
        token: &str,
        new_password: &str,
    ) -> Result<(), IdentityError> {
        let purpose = EmailTokenPurpose::ResetPassword;
        let password = Password::parse_new(new_password)
            .map_err(|e| IdentityError::Validation(vec![new_password_problem(e)]))?;
        let hash = sha256_hex(token);
        // A dead token fails before the argon2 hash is paid for; the transaction checks
        // again, so a concurrent use still wins only once. On the primary: the token may
        // have been minted a moment ago.
        let probe = hash.clone();
        self.db
            .read_primary(move |conn| usable_token(conn, purpose, &probe, now_utc()).map(drop))
            .await?;
        let password_hash = self.hasher.hash(password).await?;
        let now = now_utc();
        let (user_id, revoked, verified) = self
            .db
            .write(move |conn| {
                let user = claim_token(conn, purpose, &hash, now)?.user_id;
                repo::consume_email_tokens(conn, &user, purpose.as_str(), now)?;
                repo::update_password_hash(conn, &user, &password_hash, now)?;
                let verified = repo::mark_email_verified(conn, &user, now)?;
                let revoked = revoke_sessions_audited(
                    conn,
                    &user,
                    SessionScope::All,
                    RevokeReason::PasswordReset,
                    None,
                    now,
                )?
                .len();
                let mut kinds = vec![SecurityEventKind::PasswordReset];
                if verified {
                    kinds.push(SecurityEventKind::EmailVerified);
                }
                for kind in kinds {
                    repo::insert_security_event(
                        conn,
                        &security_event(kind, Some(user.clone()), None, now),
                    )?;
                }
                Ok::<_, IdentityError>((user, revoked, verified))
            })
            .await?;
        tracing::Span::current().record("user_id", user_id.as_str());
        count(SecurityEventKind::PasswordReset);
        if verified {
            count(SecurityEventKind::EmailVerified);
        }
        count_revoked(revoked);
        tracing::info!(event = "password_reset", revoked, "security event");
        Ok(())
    }

    /// Changes the signed-in member's password after checking the current one (a wrong
    /// one is a `current_password` field problem); revokes every other session.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, session_id = %session_id))]
    pub async fn change_password(
        &self,
        user_id: &str,
        session_id: &str,
        current_password: &str,
        new_password: &str,
    ) -> Result<(), IdentityError> {
        let new = Password::parse_new(new_password)
            .map_err(|e| IdentityError::Validation(vec![new_password_problem(e)]))?;
        let id = user_id.to_owned();
        // The primary: the current password decides the change.
        let user = self
            .db
            .read_primary(move |conn| repo::find_user(conn, &id).map_err(IdentityError::from))
            .await?
            .ok_or(IdentityError::NotFound)?;
        let verified = self
            .hasher
            .verify(
                Password::presented(current_password),
                Some(user.password_hash),
            )
            .await?;
        if verified == Verified::Mismatch {
            return Err(IdentityError::Validation(vec![FieldProblem {
                field: "current_password",
                code: "incorrect",
                message: "The current password is incorrect.".to_owned(),
            }]));
        }
        let password_hash = self.hasher.hash(new).await?;
        let (user, keep) = (user_id.to_owned(), session_id.to_owned());
        let now = now_utc();
        let revoked = self
            .db
            .write(move |conn| {
                repo::update_password_hash(conn, &user, &password_hash, now)?;
                let revoked = revoke_sessions_audited(
                    conn,
                    &user,
                    SessionScope::AllBut(&keep),
                    RevokeReason::PasswordChanged,
                    None,
                    now,
                )?
                .len();
                repo::insert_security_event(
                    conn,
                    &security_event(
                        SecurityEventKind::PasswordChanged,
                        Some(user.clone()),
                        Some(keep.clone()),
                        now,
                    ),
                )?;
                Ok::<_, IdentityError>(revoked)
            })
            .await?;
        count(SecurityEventKind::PasswordChanged);
        count_revoked(revoked);
        tracing::info!(event = "password_changed", revoked, "security event");
        Ok(())
    }
}
