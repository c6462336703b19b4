//! Setting a new password: by reset token (signs every session out, lifts the login
//! lock) or by the signed-in member with their current password (signs the other
//! sessions out).

use haven_platform::time::now_utc;

use super::account_email::{claim_token, usable_token};
use super::passwords::Verified;
use super::sessions::{RevokeReason, count_revoked, revoke_sessions_audited};
use super::{IdentityService, count, security_event, sha256_hex};
use crate::error::credentials::{ChangePasswordError, EmailTokenError};
use crate::error::{FieldProblem, invalid};
use crate::model::{EmailTokenPurpose, Password, PasswordError, SecurityEventKind};
use crate::model::{SessionId, UserId};
use crate::repo::{self, SessionScope};

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
    ) -> Result<(), EmailTokenError> {
        let purpose = EmailTokenPurpose::ResetPassword;
        let password = Password::parse_new(new_password)
            .map_err(|e| invalid(vec![new_password_problem(e)]))?;
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
                repo::consume_email_tokens(conn, user, purpose.as_str(), now)?;
                repo::update_password_hash(conn, user, &password_hash, now)?;
                let verified = repo::mark_email_verified(conn, user, now)?;
                let revoked = revoke_sessions_audited(
                    conn,
                    user,
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
                        &security_event(kind, Some(user), None, now),
                    )?;
                }
                Ok::<_, EmailTokenError>((user, revoked, verified))
            })
            .await?;
        tracing::Span::current().record("user_id", tracing::field::display(&user_id));
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
        user_id: UserId,
        session_id: SessionId,
        current_password: &str,
        new_password: &str,
    ) -> Result<(), ChangePasswordError> {
        let new = Password::parse_new(new_password)
            .map_err(|e| invalid(vec![new_password_problem(e)]))?;
        let id = user_id;
        // The primary: the current password decides the change.
        let user = self
            .db
            .read_primary(move |conn| repo::find_user(conn, id).map_err(ChangePasswordError::from))
            .await?
            .ok_or(ChangePasswordError::AccountNotFound)?;
        let verified = self
            .hasher
            .verify(
                Password::presented(current_password),
                Some(user.password_hash),
            )
            .await?;
        if verified == Verified::Mismatch {
            return Err(invalid(vec![FieldProblem {
                field: "current_password",
                code: "incorrect",
                message: "The current password is incorrect.".to_owned(),
            }])
            .into());
        }
        let password_hash = self.hasher.hash(new).await?;
        let (user, keep) = (user_id, session_id);
        let now = now_utc();
        let revoked = self
            .db
            .write(move |conn| {
                repo::update_password_hash(conn, user, &password_hash, now)?;
                let revoked = revoke_sessions_audited(
                    conn,
                    user,
                    SessionScope::AllBut(keep),
                    RevokeReason::PasswordChanged,
                    None,
                    now,
                )?
                .len();
                repo::insert_security_event(
                    conn,
                    &security_event(
                        SecurityEventKind::PasswordChanged,
                        Some(user),
                        Some(keep),
                        now,
                    ),
                )?;
                Ok::<_, ChangePasswordError>(revoked)
            })
            .await?;
        count(SecurityEventKind::PasswordChanged);
        count_revoked(revoked);
        tracing::info!(event = "password_changed", revoked, "security event");
        Ok(())
    }
}
