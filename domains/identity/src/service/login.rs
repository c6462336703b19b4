//! Login: credentials check and a new session.

use diesel::Connection;
use haven_platform::time::now_utc;

use super::lockout::lock_key;
use super::passwords::Verified;
use super::{
    ACCESS_TOKEN_TTL, DEVICE_LABEL_MAX_CHARS, IdentityService, count, random_token, security_event,
    sha256_hex, user_from_row,
};
use crate::error::IdentityError;
use crate::model::SecurityEventKind;
use crate::model::{Email, LoginTokens, Password, RefreshTokenId, SessionId};
use crate::repo::{self, RefreshTokenRow, SessionRow};

impl IdentityService {
    /// Checks the credentials and opens a session. Unknown emails, malformed emails and
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
    ) -> Result<LoginTokens, IdentityError> {
        let password = Password::presented(password);
        let user = match Email::parse(email) {
            Ok(email) => {
                let normalized = email.normalized().to_owned();
                self.db
                    .run(move |conn| {
                        repo::find_user_by_email(conn, &normalized).map_err(IdentityError::from)
                    })
                    .await?
            }
            Err(_) => None,
        };
        // A locked account is refused before its password is checked, even a right one.
        // Unknown addresses lock the same way, so the lock tells nothing about which
        // addresses are registered.
        let lock_key = lock_key(user.as_ref().map(|u| u.id.as_str()), email);
        if let Some(retry_after_s) = self
            .check_lock(&lock_key, user.as_ref().map(|u| u.id.clone()))
            .await?
        {
            return Err(IdentityError::AccountLocked { retry_after_s });
        }
        let stored_hash = user.as_ref().map(|u| u.password_hash.clone());
        let stored_user_id = user.as_ref().map(|u| u.id.clone());
        let verified = self.hasher.verify(password.clone(), stored_hash).await?;
        let Some(user) = user.filter(|_| verified != Verified::Mismatch) else {
            self.record_failure(stored_user_id, lock_key).await?;
            return Err(IdentityError::InvalidCredentials);
        };
        // Only a caller who knows the password learns that the account is disabled.
        if user.disabled_at.is_some() {
            tracing::info!(user_id = %user.id, "login refused: account disabled");
            return Err(IdentityError::AccountDisabled);
        }
        let user = user_from_row(user)?;
        let rehashed = match verified {
            Verified::MatchOutdated => Some(self.hasher.hash(password).await?),
            _ => None,
        };
        let span = tracing::Span::current();
        span.record("user_id", tracing::field::display(&user.id));

        let session_id = SessionId::new();
        span.record("session_id", tracing::field::display(&session_id));
        let refresh_token = random_token()?;
        let now = now_utc();
        let session = SessionRow {
            id: session_id.to_string(),
            user_id: user.id.to_string(),
            device_label: device_label
                .map(|l| l.trim().chars().take(DEVICE_LABEL_MAX_CHARS).collect())
                .filter(|l: &String| !l.is_empty()),
            created_at: now,
            last_used_at: now,
            revoked_at: None,
            ip_coarse,
            refresh_secret: random_token()?,
        };
        let token_row = RefreshTokenRow {
            id: RefreshTokenId::new().to_string(),
            session_id: session_id.to_string(),
            token_hash: sha256_hex(&refresh_token),
            created_at: now,
            expires_at: now + self.policy.refresh_idle_ttl,
            used_at: None,
        };
        let rehashed_flag = rehashed.is_some();
        let success = security_event(
            SecurityEventKind::LoginSucceeded,
            Some(session.user_id.clone()),
            Some(session.id.clone()),
            now,
        );
        self.db
            .run(move |conn| {
                conn.transaction(|conn| {
                    if let Some(hash) = &rehashed {
                        repo::update_password_hash(conn, &session.user_id, hash, now)?;
                    }
                    repo::insert_session(conn, &session)?;
                    repo::insert_security_event(conn, &success)?;
                    repo::insert_refresh_token(conn, &token_row)
                })
                .map_err(IdentityError::from)
            })
            .await?;

        let claims = self.auth.access_claims(
            &user.id.to_string(),
            &session_id.to_string(),
            user.roles.clone(),
            vec!["pwd".to_owned()],
            ACCESS_TOKEN_TTL,
        );
        let access_token = self
            .auth
            .issue(&claims)
            .map_err(|e| IdentityError::Internal(format!("signing the access token: {e}")))?;
        count(SecurityEventKind::LoginSucceeded);
        tracing::info!(rehashed = rehashed_flag, "login succeeded");
        Ok(LoginTokens {
            access_token,
            refresh_token,
            expires_in: u32::try_from(claims.exp - claims.iat).unwrap_or(0),
            session_id,
        })
    }
}
