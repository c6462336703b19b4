//! The login step-up: a right password on an account with a second factor yields a
//! challenge instead of tokens; the challenge plus a TOTP or recovery code opens the
//! session.
//!
//! A challenge is random (256 bits), stored hashed, lives [`MFA_CHALLENGE_TTL`], opens at
//! most one session and takes at most [`MFA_CHALLENGE_MAX_ATTEMPTS`] codes. Wrong codes
//! are `mfa_failed` events that count toward the account lock (`lockout`), so guessing a
//! six-digit code is bounded per account, not only per challenge.

use haven_platform::time::now_utc;

use super::mfa::{
    AMR_MFA, AMR_OTP, AMR_PASSWORD, FactorCheck, MFA_CHALLENGE_MAX_ATTEMPTS, MFA_CHALLENGE_TTL,
    use_factor,
};
use super::{IdentityService, count, random_token, security_event, sha256_hex, user_from_row};
use crate::error::Fault;
use crate::error::sessions::LoginMfaError;
use crate::model::{LoginTokens, MfaChallenge, MfaChallengeId, MfaFactor, SecurityEventKind, User};
use crate::repo::{self, MfaChallengeRow};

impl IdentityService {
    /// Records a challenge for `user` (whose password was right) and returns its token.
    /// `rehashed` is the password's new hash when its parameters were outdated.
    pub(super) async fn open_mfa_challenge(
        &self,
        user: &User,
        device_label: Option<String>,
        rehashed: Option<String>,
    ) -> Result<MfaChallenge, Fault> {
        let token = random_token()?;
        let now = now_utc();
        let row = MfaChallengeRow {
            id: MfaChallengeId::new(),
            user_id: user.id,
            token_hash: sha256_hex(&token),
            device_label: super::login::clean_device_label(device_label),
            created_at: now,
            expires_at: now + MFA_CHALLENGE_TTL,
            attempts: 0,
            used_at: None,
        };
        self.db
            .write(move |conn| {
                // Housekeeping: spent challenges go.
                repo::delete_spent_challenges(conn, row.user_id, MFA_CHALLENGE_MAX_ATTEMPTS, now)?;
                if let Some(hash) = &rehashed {
                    repo::update_password_hash(conn, row.user_id, hash, now)?;
                }
                repo::insert_challenge(conn, &row).map_err(Fault::from)
            })
            .await?;
        tracing::info!("password accepted; second factor required");
        Ok(MfaChallenge {
            token,
            expires_in: u32::try_from(MFA_CHALLENGE_TTL.num_seconds()).unwrap_or(0),
        })
    }

    /// Completes a login with its challenge and a second factor: a session whose tokens
    /// carry `amr` `["pwd","otp"]` (TOTP code) or `["pwd","mfa"]` (recovery code).
    #[tracing::instrument(skip_all, fields(user_id, session_id))]
    pub async fn login_mfa(
        &self,
        challenge_token: &str,
        factor: MfaFactor,
        ip_coarse: Option<String>,
    ) -> Result<LoginTokens, LoginMfaError> {
        let hash = sha256_hex(challenge_token);
        let now = now_utc();
        let claimed = self
            .db
            .write(move |conn| {
                let Some(challenge) =
                    repo::claim_challenge_attempt(conn, &hash, MFA_CHALLENGE_MAX_ATTEMPTS, now)?
                else {
                    return Ok(None);
                };
                let user = repo::find_user(conn, challenge.user_id)?;
                Ok::<_, LoginMfaError>(user.map(|u| (challenge, u)))
            })
            .await?;
        let Some((challenge, user)) = claimed else {
            tracing::info!("MFA step-up with an invalid challenge");
            return Err(LoginMfaError::InvalidChallenge);
        };
        let user = user_from_row(user)?;
        if user.disabled_at.is_some() {
            return Err(LoginMfaError::InvalidChallenge);
        }
        let span = tracing::Span::current();
        span.record("user_id", tracing::field::display(&user.id));
        if let Some(retry_after_s) = self.check_lock(&user.id.to_string(), Some(user.id)).await? {
            return Err(LoginMfaError::InvalidCode {
                retry_after_s: Some(retry_after_s),
            });
        }

        let second = match factor {
            MfaFactor::Totp(_) => AMR_OTP,
            MfaFactor::RecoveryCode(_) => AMR_MFA,
        };
        let amr = vec![AMR_PASSWORD.to_owned(), second.to_owned()];
        let (session, token_row, refresh_token) = self.new_session_rows(
            user.id,
            challenge.device_label.clone(),
            ip_coarse,
            &amr,
            now,
        )?;
        let session_id = session.id;
        let user_id = user.id;
        let cipher = self.mfa_cipher.clone();
        let outcome = self
            .db
            .write(move |conn| {
                let recovery_code =
                    match use_factor(conn, cipher.as_ref(), user_id, &factor, true, now)? {
                        FactorCheck::Accepted { recovery_code } => recovery_code,
                        FactorCheck::Rejected | FactorCheck::NotEnabled => {
                            return Ok(None);
                        }
                    };
                // A concurrent step-up of the same challenge already opened a session:
                // roll back, so this request's code stays unused.
                if !repo::use_challenge(conn, challenge.id, now)? {
                    return Err(LoginMfaError::InvalidChallenge);
                }
                repo::insert_session(conn, &session)?;
                repo::insert_refresh_token(conn, &token_row)?;
                let mut kinds = vec![SecurityEventKind::LoginSucceeded];
                if recovery_code {
                    kinds.push(SecurityEventKind::MfaRecoveryCodeUsed);
                }
                for kind in kinds {
                    repo::insert_security_event(
                        conn,
                        &security_event(kind, Some(user_id), Some(session.id), now),
                    )?;
                }
                Ok(Some(recovery_code))
            })
            .await?;
        let Some(recovery_code) = outcome else {
            self.record_mfa_failure(user.id, None).await?;
            return Err(LoginMfaError::InvalidCode {
                retry_after_s: None,
            });
        };
        span.record("session_id", tracing::field::display(&session_id));
        count(SecurityEventKind::LoginSucceeded);
        if recovery_code {
            count(SecurityEventKind::MfaRecoveryCodeUsed);
            tracing::info!(event = "mfa_recovery_code_used", "security event");
        }
        tracing::info!(second_factor = second, "login succeeded");
        Ok(self.issue_tokens(&user, session_id, amr, refresh_token, false)?)
    }
}
