//! Account emails and new passwords: the verification and password-reset requests
//! (committed with their outbox event), the handler's side (mint a token, store its hash,
//! send the email), email verification, and setting a new password by reset token (signs
//! every session out, lifts the login lock) or with the current one (signs the other
//! sessions out).
//!
//! Tokens are 256 random bits; only their SHA-256 is stored, with the address they were
//! mailed to, so a token stops working once the account's address changes.

use haven_platform::ids::{SessionId, UserId};
use haven_platform::mail::Mail;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, Fault, Unexpected, outbox};

use super::error::{
    ChangePasswordError, EmailTokenError, RequestVerificationError, ResetRequestError,
};
use super::events::{EmailVerificationRequested, PasswordResetRequested};
use super::hasher::Verified;
use super::model::{EmailTokenId, EmailTokenPurpose};
use super::repo;
use super::repo::EmailTokenRow;
use crate::accounts::model::{Email, Password, PasswordError};
use crate::error::{FieldProblem, invalid};
use crate::security_events::model::SecurityEventKind;
use crate::security_events::service::{count, security_event};
use crate::service::{IdentityService, random_token, sha256_hex};
use crate::sessions::repo::SessionScope;
use crate::sessions::service::{RevokeReason, count_revoked, revoke_sessions_audited};
use crate::{accounts, security_events};

/// How long an email-verification link works.
pub const EMAIL_VERIFICATION_TTL: chrono::Duration = chrono::Duration::hours(24);

/// How long a password-reset link works.
pub const PASSWORD_RESET_TTL: chrono::Duration = chrono::Duration::hours(1);

/// Path of the verification link under `email.link_base_url` (the web app's page, which
/// posts the token to `POST /v1/identity/email-verification/confirm`).
pub const VERIFY_EMAIL_PATH: &str = "/verify-email";

/// Path of the password-reset link under `email.link_base_url` (the web app's page, which
/// posts the token to `POST /v1/identity/password-reset/confirm`).
pub const RESET_PASSWORD_PATH: &str = "/reset-password";

/// The usable token of `purpose` with `token_hash`, provided the account still has the
/// address it was mailed to; every other case is the one `InvalidEmailToken`.
pub(crate) fn usable_token(
    conn: &mut AnyConnection,
    purpose: EmailTokenPurpose,
    token_hash: &str,
    now: chrono::NaiveDateTime,
) -> Result<EmailTokenRow, EmailTokenError> {
    let row = repo::find_usable_email_token(conn, purpose.as_str(), token_hash, now)?
        .ok_or(EmailTokenError::InvalidToken)?;
    let user =
        accounts::repo::find_user(conn, row.user_id)?.ok_or(EmailTokenError::InvalidToken)?;
    if user.email_normalized != row.email_normalized {
        return Err(EmailTokenError::InvalidToken);
    }
    Ok(row)
}

/// Uses up the token of `purpose` with `token_hash` inside the caller's transaction and
/// returns it; `InvalidEmailToken` (the caller rolls back) unless it was usable and the
/// account still has the address it was mailed to. The claim is a conditional UPDATE,
/// so of concurrent uses of one token exactly one wins on both backends.
pub(crate) fn claim_token(
    conn: &mut AnyConnection,
    purpose: EmailTokenPurpose,
    token_hash: &str,
    now: chrono::NaiveDateTime,
) -> Result<EmailTokenRow, EmailTokenError> {
    let row = usable_token(conn, purpose, token_hash, now)?;
    if !repo::claim_email_token(conn, purpose.as_str(), token_hash, now)? {
        return Err(EmailTokenError::InvalidToken);
    }
    Ok(row)
}

impl IdentityService {
    /// Queues a new verification email for the caller; `EmailAlreadyVerified` when there
    /// is nothing to verify.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn request_email_verification(
        &self,
        user_id: UserId,
    ) -> Result<(), RequestVerificationError> {
        self.db
            .write(move |conn| {
                let user = accounts::repo::find_user(conn, user_id)?
                    .ok_or(RequestVerificationError::AccountNotFound)?;
                if user.email_verified_at.is_some() {
                    return Err(RequestVerificationError::AlreadyVerified);
                }
                outbox::publish(conn, &EmailVerificationRequested { user_id })?;
                Ok(())
            })
            .await?;
        tracing::info!("verification email requested");
        Ok(())
    }

    /// Queues a password-reset email when `email` belongs to an enabled account. The
    /// caller learns nothing either way: both paths run one write transaction (a lookup
    /// and a `password_reset_requested` event, with no account when unknown).
    #[tracing::instrument(skip_all)]
    pub async fn request_password_reset(&self, email: &str) -> Result<(), ResetRequestError> {
        let email = Email::parse(email).map_err(|e| invalid(vec![FieldProblem::email(e)]))?;
        let normalized = email.normalized().to_owned();
        let now = now_utc();
        let known = self
            .db
            .write(move |conn| {
                let user_id = accounts::repo::find_user_by_email(conn, &normalized)?
                    .filter(|u| u.disabled_at.is_none())
                    .map(|u| u.id);
                if let Some(user_id) = user_id {
                    outbox::publish(conn, &PasswordResetRequested { user_id })?;
                }
                security_events::repo::insert_security_event(
                    conn,
                    &security_event(
                        SecurityEventKind::PasswordResetRequested,
                        user_id,
                        None,
                        now,
                    ),
                )?;
                Ok::<_, ResetRequestError>(user_id.is_some())
            })
            .await?;
        count(SecurityEventKind::PasswordResetRequested);
        tracing::info!(event = "password_reset_requested", known, "security event");
        Ok(())
    }

    /// The account a still-usable token of `purpose` belongs to (for per-account rate
    /// limits before the token is used).
    pub async fn email_token_owner(
        &self,
        purpose: EmailTokenPurpose,
        token: &str,
    ) -> Result<Option<UserId>, Fault> {
        let hash = sha256_hex(token);
        let now = now_utc();
        // The primary: the token may have been minted a moment ago.
        self.db
            .read_primary(move |conn| {
                Ok(
                    repo::find_usable_email_token(conn, purpose.as_str(), &hash, now)?
                        .map(|row| row.user_id),
                )
            })
            .await
    }

    /// Marks the address verified with a mailed token (single use; every other pending
    /// verification link of the account stops working too).
    #[tracing::instrument(skip_all, fields(user_id))]
    pub async fn confirm_email(&self, token: &str) -> Result<(), EmailTokenError> {
        let purpose = EmailTokenPurpose::VerifyEmail;
        let hash = sha256_hex(token);
        let now = now_utc();
        let (user_id, verified) = self
            .db
            .write(move |conn| {
                let row = claim_token(conn, purpose, &hash, now)?;
                repo::consume_email_tokens(conn, row.user_id, purpose.as_str(), now)?;
                let verified = repo::mark_email_verified(conn, row.user_id, now)?;
                if verified {
                    security_events::repo::insert_security_event(
                        conn,
                        &security_event(
                            SecurityEventKind::EmailVerified,
                            Some(row.user_id),
                            None,
                            now,
                        ),
                    )?;
                }
                Ok::<_, EmailTokenError>((row.user_id, verified))
            })
            .await?;
        tracing::Span::current().record("user_id", tracing::field::display(&user_id));
        if verified {
            count(SecurityEventKind::EmailVerified);
            tracing::info!(event = "email_verified", "security event");
        }
        Ok(())
    }

    /// The outbox handler's work: mints a token of `purpose` for the account, stores its
    /// hash, and emails the link to the account's current address. Nothing is sent for
    /// an account that is gone or disabled, or (verification) already verified. An
    /// error (e.g. SMTP down) makes the delivery retry, which mints a fresh token.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, purpose = purpose.as_str()))]
    pub async fn send_account_email(
        &self,
        user_id: UserId,
        purpose: EmailTokenPurpose,
    ) -> Result<(), Fault> {
        // The primary: the event may be handled before a replica has the new account.
        let user = self
            .db
            .read_primary(move |conn| accounts::repo::find_user(conn, user_id).map_err(Fault::from))
            .await?;
        let Some(user) = user else {
            tracing::info!("account gone; no email sent");
            return Ok(());
        };
        let verified = user.email_verified_at.is_some();
        if user.disabled_at.is_some() || (purpose == EmailTokenPurpose::VerifyEmail && verified) {
            tracing::info!("nothing to send");
            return Ok(());
        }
        let token = random_token()?;
        let now = now_utc();
        let (ttl, path) = match purpose {
            EmailTokenPurpose::VerifyEmail => (EMAIL_VERIFICATION_TTL, VERIFY_EMAIL_PATH),
            EmailTokenPurpose::ResetPassword => (PASSWORD_RESET_TTL, RESET_PASSWORD_PATH),
        };
        let row = EmailTokenRow {
            id: EmailTokenId::new(),
            user_id: user.id,
            purpose: purpose.as_str().to_owned(),
            token_hash: sha256_hex(&token),
            email_normalized: user.email_normalized.clone(),
            created_at: now,
            expires_at: now + ttl,
            used_at: None,
        };
        // Stored before sending: a link that arrives always works; a token whose email
        // failed is never seen and expires.
        self.db
            .write(move |conn| repo::insert_email_token(conn, &row).map_err(Fault::from))
            .await?;
        let link = self.mail.link(path, &token);
        let greeting = match &user.display_name {
            Some(name) => format!("Hello {name},"),
            None => "Hello,".to_owned(),
        };
        let (subject, text) = match purpose {
            EmailTokenPurpose::VerifyEmail => (
                "Confirm your email address",
                format!(
                    "{greeting}\n\nPlease confirm that this is your email address by opening \
                     this link within 24 hours:\n\n{}\n\nIf you did not create a Haven \
                     account, you can ignore this email.\n",
                    link.expose()
                ),
            ),
            EmailTokenPurpose::ResetPassword => (
                "Reset your password",
                format!(
                    "{greeting}\n\nTo choose a new password, open this link within 1 hour:\
                     \n\n{}\n\nIf you did not ask for this, ignore this email: your password \
                     stays as it is.\n",
                    link.expose()
                ),
            ),
        };
        self.mail
            .send(Mail {
                to: user.email,
                subject: subject.to_owned(),
                text,
                link: Some(link),
            })
            .await
            .map_err(Unexpected::with("account email"))?;
        tracing::info!("account email handed over");
        Ok(())
    }
}

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
                accounts::repo::update_password_hash(conn, user, &password_hash, now)?;
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
                    security_events::repo::insert_security_event(
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
            .read_primary(move |conn| {
                accounts::repo::find_user(conn, id).map_err(ChangePasswordError::from)
            })
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
                accounts::repo::update_password_hash(conn, user, &password_hash, now)?;
                let revoked = revoke_sessions_audited(
                    conn,
                    user,
                    SessionScope::AllBut(keep),
                    RevokeReason::PasswordChanged,
                    None,
                    now,
                )?
                .len();
                security_events::repo::insert_security_event(
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
