//! Login: credentials check and a new session.

use chrono::NaiveDateTime;
use haven_platform::Unexpected;
use haven_platform::time::now_utc;

use super::lockout::lock_key;
use super::mfa::{AMR_PASSWORD, mfa_required_for};
use super::passwords::Verified;
use super::{
    ACCESS_TOKEN_TTL, DEVICE_LABEL_MAX_CHARS, IdentityService, count, random_token, security_event,
    sha256_hex, user_from_row,
};
use crate::error::sessions::LoginError;
use crate::model::{Email, LoginOutcome, LoginTokens, Password, RefreshTokenId, SessionId, User};
use crate::model::{SecurityEventKind, UserId};
use crate::repo::{self, RefreshTokenRow, SessionRow};

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
                        repo::find_user_by_email(conn, &normalized).map_err(LoginError::from)
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
            .read_primary(move |conn| repo::mfa_enabled(conn, user_id).map_err(LoginError::from))
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
                    repo::update_password_hash(conn, session.user_id, hash, now)?;
                }
                repo::insert_session(conn, &session)?;
                repo::insert_security_event(conn, &success)?;
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
    pub(super) fn issue_tokens(
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
    pub(super) fn new_session_rows(
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
pub(super) fn clean_device_label(label: Option<String>) -> Option<String> {
    label
        .map(|l| l.trim().chars().take(DEVICE_LABEL_MAX_CHARS).collect())
        .filter(|l: &String| !l.is_empty())
}
