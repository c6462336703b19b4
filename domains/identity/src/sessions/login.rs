//! Login, in one place: the password step and, for an account with a second factor, the
//! step-up. A right password yields tokens, or a challenge that a TOTP or recovery code
//! turns into the session.
//!
//! A challenge is random (256 bits), stored hashed, lives [`MFA_CHALLENGE_TTL`], opens at
//! most one session and takes at most [`MFA_CHALLENGE_MAX_ATTEMPTS`] codes. Wrong codes
//! are `mfa_failed` events that count toward the account lock (`lockout`), so guessing a
//! six-digit code is bounded per account, not only per challenge.

use chrono::NaiveDateTime;
use haven_platform::ids::{SessionId, UserId};
use haven_platform::time::now_utc;
use haven_platform::{Fault, Unexpected};

use super::error::{LoginError, LoginMfaError};
use super::lockout::lock_key;
use super::model::{
    ACCESS_TOKEN_TTL, DEVICE_LABEL_MAX_CHARS, LoginOutcome, LoginTokens, MfaChallenge,
    MfaChallengeId, RefreshTokenId,
};
use super::repo;
use super::repo::{RefreshTokenRow, SessionRow};
use crate::accounts::model::{Email, Password, User};
use crate::accounts::service::user_from_row;
use crate::credentials::hasher::Verified;
use crate::mfa::model::MfaFactor;
use crate::mfa::repo::MfaChallengeRow;
use crate::mfa::service::{
    AMR_MFA, AMR_OTP, AMR_PASSWORD, FactorCheck, MFA_CHALLENGE_MAX_ATTEMPTS, MFA_CHALLENGE_TTL,
    mfa_required_for, use_factor,
};
use crate::security_events::model::SecurityEventKind;
use crate::security_events::service::{count, security_event};
use crate::service::{IdentityService, random_token, sha256_hex};
use crate::{accounts, mfa, security_events};

impl IdentityService {
    /// Checks the credentials and opens a session, or, when the account has a second
    /// factor, a challenge for it (`mfa_login`). Unknown emails, malformed emails and
    /// wrong passwords all run one argon2 verification and give `InvalidCredentials`; a
    /// soft-locked account gets `AccountLocked` (see `lockout`) without a verification; a
    /// disabled account gets `AccountDisabled`, but only after the right password.
    #[tracing::instrument(skip_all, fields(user_id, session_id))]
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        device_label: Option<String>,
        ip_coarse: Option<String>,
    ) -> Result<LoginOutcome, LoginError> {
        let password = Password::presented(password);
        let user = match Email::parse(email) {
            Ok(email) => {
                let normalized = email.normalized().to_owned();
                // Login decides on the live account (a new password, a disabled account):
                // the primary, never a lagging replica.
                self.db
                    .read_primary(move |conn| {
                        accounts::repo::find_user_by_email(conn, &normalized)
                            .map_err(LoginError::from)
                    })
                    .await?
            }
            Err(_) => None,
        };
        // A locked account is refused before its password is checked, even a right one.
        // Unknown addresses lock the same way, so the lock tells nothing about which
        // addresses are registered.
        let lock_key = lock_key(user.as_ref().map(|u| u.id), email);
        if let Some(retry_after_s) = self
            .check_lock(&lock_key, user.as_ref().map(|u| u.id))
            .await?
        {
            return Err(LoginError::AccountLocked { retry_after_s });
        }
        let stored_hash = user.as_ref().map(|u| u.password_hash.clone());
        let stored_user_id = user.as_ref().map(|u| u.id);
        let verified = self.hasher.verify(password.clone(), stored_hash).await?;
        let Some(user) = user.filter(|_| verified != Verified::Mismatch) else {
            self.record_failure(stored_user_id, lock_key).await?;
            return Err(LoginError::InvalidCredentials);
        };
        // Only a caller who knows the password learns that the account is disabled.
        if user.disabled_at.is_some() {
            tracing::info!(user_id = %user.id, "login refused: account disabled");
            return Err(LoginError::AccountDisabled);
        }
        let user = user_from_row(user)?;
        let rehashed = match verified {
            Verified::MatchOutdated => Some(self.hasher.hash(password).await?),
            _ => None,
        };
        let span = tracing::Span::current();
        span.record("user_id", tracing::field::display(&user.id));
        let user_id = user.id;
        let mfa_on = self
            .db
            .read_primary(move |conn| {
                mfa::repo::mfa_enabled(conn, user_id).map_err(LoginError::from)
            })
            .await?;
        if mfa_on {
            let challenge = self
                .open_mfa_challenge(&user, device_label, rehashed)
                .await?;
            return Ok(LoginOutcome::MfaRequired(challenge));
        }

        let now = now_utc();
        let amr = vec![AMR_PASSWORD.to_owned()];
        let (session, token_row, refresh_token) =
            self.new_session_rows(user.id, device_label, ip_coarse, &amr, now)?;
        let session_id = session.id;
        span.record("session_id", tracing::field::display(&session_id));
        let rehashed_flag = rehashed.is_some();
        let success = security_event(
            SecurityEventKind::LoginSucceeded,
            Some(session.user_id),
            Some(session.id),
            now,
        );
        self.db
            .write(move |conn| {
                if let Some(hash) = &rehashed {
                    accounts::repo::update_password_hash(conn, session.user_id, hash, now)?;
                }
                repo::insert_session(conn, &session)?;
                security_events::repo::insert_security_event(conn, &success)?;
                repo::insert_refresh_token(conn, &token_row).map_err(LoginError::from)
            })
            .await?;
        count(SecurityEventKind::LoginSucceeded);
        tracing::info!(rehashed = rehashed_flag, "login succeeded");
        // No factor enabled here, so a role that requires one must enroll.
        let enrollment_required = mfa_required_for(&user.roles);
        let tokens =
            self.issue_tokens(&user, session_id, amr, refresh_token, enrollment_required)?;
        Ok(LoginOutcome::Tokens(tokens))
    }

    /// Signs an access token for a new session and wraps it with its refresh token.
    pub(crate) fn issue_tokens(
        &self,
        user: &User,
        session_id: SessionId,
        amr: Vec<String>,
        refresh_token: String,
        mfa_enrollment_required: bool,
    ) -> Result<LoginTokens, Unexpected> {
        let claims = self.auth.access_claims(
            &user.id,
            &session_id,
            user.roles.clone(),
            amr,
            ACCESS_TOKEN_TTL,
        );
        let access_token = self
            .auth
            .issue(&claims)
            .map_err(Unexpected::with("signing the access token"))?;
        Ok(LoginTokens {
            access_token,
            refresh_token,
            expires_in: u32::try_from(claims.exp - claims.iat).unwrap_or(0),
            session_id,
            mfa_enrollment_required,
        })
    }

    /// The rows of a new session authenticated by `amr` and its first refresh token
    /// (returned in the clear, stored hashed).
    pub(crate) fn new_session_rows(
        &self,
        user_id: UserId,
        device_label: Option<String>,
        ip_coarse: Option<String>,
        amr: &[String],
        now: NaiveDateTime,
    ) -> Result<(SessionRow, RefreshTokenRow, String), Unexpected> {
        let session_id = SessionId::new();
        let refresh_token = random_token()?;
        let session = SessionRow {
            id: session_id,
            user_id,
            device_label: clean_device_label(device_label),
            created_at: now,
            last_used_at: now,
            revoked_at: None,
            refresh_secret: random_token()?,
            ip_coarse,
            amr: serde_json::to_string(amr).map_err(Unexpected::with("amr"))?,
        };
        let token_row = RefreshTokenRow {
            id: RefreshTokenId::new(),
            session_id,
            token_hash: sha256_hex(&refresh_token),
            created_at: now,
            expires_at: now + self.policy.refresh_idle_ttl,
            used_at: None,
        };
        Ok((session, token_row, refresh_token))
    }
}

/// A device label trimmed and cut to [`DEVICE_LABEL_MAX_CHARS`]; blank means none.
pub(crate) fn clean_device_label(label: Option<String>) -> Option<String> {
    label
        .map(|l| l.trim().chars().take(DEVICE_LABEL_MAX_CHARS).collect())
        .filter(|l: &String| !l.is_empty())
}

impl IdentityService {
    /// Records a challenge for `user` (whose password was right) and returns its token.
    /// `rehashed` is the password's new hash when its parameters were outdated.
    pub(crate) async fn open_mfa_challenge(
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
            device_label: clean_device_label(device_label),
            created_at: now,
            expires_at: now + MFA_CHALLENGE_TTL,
            attempts: 0,
            used_at: None,
        };
        self.db
            .write(move |conn| {
                // Housekeeping: spent challenges go.
                mfa::repo::delete_spent_challenges(
                    conn,
                    row.user_id,
                    MFA_CHALLENGE_MAX_ATTEMPTS,
                    now,
                )?;
                if let Some(hash) = &rehashed {
                    accounts::repo::update_password_hash(conn, row.user_id, hash, now)?;
                }
                mfa::repo::insert_challenge(conn, &row).map_err(Fault::from)
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
                let Some(challenge) = mfa::repo::claim_challenge_attempt(
                    conn,
                    &hash,
                    MFA_CHALLENGE_MAX_ATTEMPTS,
                    now,
                )?
                else {
                    return Ok(None);
                };
                let user = accounts::repo::find_user(conn, challenge.user_id)?;
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
                if !mfa::repo::use_challenge(conn, challenge.id, now)? {
                    return Err(LoginMfaError::InvalidChallenge);
                }
                repo::insert_session(conn, &session)?;
                repo::insert_refresh_token(conn, &token_row)?;
                let mut kinds = vec![SecurityEventKind::LoginSucceeded];
                if recovery_code {
                    kinds.push(SecurityEventKind::MfaRecoveryCodeUsed);
                }
                for kind in kinds {
                    security_events::repo::insert_security_event(
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
