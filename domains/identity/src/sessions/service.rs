//! Refresh-token rotation with reuse detection, listing and revoking sessions, logging
//! out, and the one way every use-case revokes sessions: `revoke_sessions_audited`.

use base64::Engine;
use chrono::NaiveDateTime;
use haven_platform::ids::{SessionId, UserId};
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, Fault, Unexpected};
use sha2::Sha256;

use super::error::{RefreshError, RevokeSessionError};
use super::model::{ACCESS_TOKEN_TTL, LoginTokens, RefreshTokenId, Session};
use super::repo;
use super::repo::{RefreshTokenRow, SessionRow, SessionScope};
use crate::accounts::repo::UserRow;
use crate::accounts::service::user_from_row;
use crate::mfa::service::mfa_required_for;
use crate::security_events::model::SecurityEventKind;
use crate::security_events::service::{count, security_event};
use crate::service::{IdentityService, Policy, random_token, sha256_hex, utc};
use crate::{accounts, mfa, security_events};

/// Why sessions were revoked: the `detail` of their `session_revoked` records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RevokeReason {
    /// The member signed out (this session) or revoked one of their sessions.
    SignedOut,
    /// The member signed out their other devices.
    SignedOutOthers,
    /// The member changed their password (the other sessions end).
    PasswordChanged,
    /// The password was reset with an emailed token (every session ends).
    PasswordReset,
    /// An admin disabled the account (every session ends).
    AccountDisabled,
    /// The member asked for their account to be erased (every session ends).
    ErasureRequested,
}

impl RevokeReason {
    /// The stored detail.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Self::SignedOut => "signed_out",
            Self::SignedOutOthers => "signed_out_others",
            Self::PasswordChanged => "password_changed",
            Self::PasswordReset => "password_reset",
            Self::AccountDisabled => "account_disabled",
            Self::ErasureRequested => "erasure_requested",
        }
    }
}

/// Revokes the user's active sessions in `scope` inside the caller's write transaction
/// and records one `session_revoked` event per revoked session: the account, the
/// session, `actor_id` when someone else (an admin) acted, and `reason` as the detail.
/// Returns the revoked ids; after the commit, the caller passes their number to
/// [`count_revoked`].
pub(crate) fn revoke_sessions_audited(
    conn: &mut AnyConnection,
    user_id: UserId,
    scope: SessionScope,
    reason: RevokeReason,
    actor_id: Option<UserId>,
    now: NaiveDateTime,
) -> diesel::QueryResult<Vec<SessionId>> {
    let revoked = repo::revoke_sessions(conn, user_id, scope, now)?;
    for id in &revoked {
        let mut event = security_event(
            SecurityEventKind::SessionRevoked,
            Some(user_id),
            Some(*id),
            now,
        );
        event.actor_id = actor_id;
        event.detail = Some(reason.as_str().to_owned());
        security_events::repo::insert_security_event(conn, &event)?;
    }
    Ok(revoked)
}

/// Counts `revoked` sessions in `haven_identity_security_events_total` (after the
/// transaction that revoked them committed).
pub(crate) fn count_revoked(revoked: usize) {
    for _ in 0..revoked {
        count(SecurityEventKind::SessionRevoked);
    }
}

impl IdentityService {
    /// Revokes the caller's current session (log out). Revoking a revoked session is a
    /// no-op.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, session_id = %session_id))]
    pub async fn logout(&self, user_id: UserId, session_id: SessionId) -> Result<(), Fault> {
        match self.revoke_session(user_id, session_id).await {
            // A token whose session is gone has nothing left to sign out of.
            Ok(()) | Err(RevokeSessionError::NotFound) => Ok(()),
            Err(RevokeSessionError::Db(e)) => Err(e.into()),
            Err(RevokeSessionError::Unexpected(e)) => Err(e.into()),
        }
    }

    /// Revokes one of the user's sessions; `NotFound` if it is not theirs. Revoking a
    /// revoked session is a no-op (no second record).
    #[tracing::instrument(skip_all, fields(user_id = %user_id, session_id = %session_id))]
    pub async fn revoke_session(
        &self,
        user_id: UserId,
        session_id: SessionId,
    ) -> Result<(), RevokeSessionError> {
        let now = now_utc();
        let (exists, revoked) = self
            .db
            .write(move |conn| {
                let revoked = revoke_sessions_audited(
                    conn,
                    user_id,
                    SessionScope::Only(session_id),
                    RevokeReason::SignedOut,
                    None,
                    now,
                )?
                .len();
                let exists =
                    revoked > 0 || repo::session_of_user_exists(conn, user_id, session_id)?;
                Ok::<_, RevokeSessionError>((exists, revoked))
            })
            .await?;
        count_revoked(revoked);
        if exists {
            tracing::info!("session revoked");
            Ok(())
        } else {
            Err(RevokeSessionError::NotFound)
        }
    }

    /// Revokes every session of the user except `session_id` (the caller's): "sign out
    /// my other devices". Returns how many it revoked.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, session_id = %session_id))]
    pub async fn revoke_other_sessions(
        &self,
        user_id: UserId,
        session_id: SessionId,
    ) -> Result<usize, Fault> {
        let now = now_utc();
        let revoked = self
            .db
            .write(move |conn| {
                let revoked = revoke_sessions_audited(
                    conn,
                    user_id,
                    SessionScope::AllBut(session_id),
                    RevokeReason::SignedOutOthers,
                    None,
                    now,
                )?;
                Ok::<_, Fault>(revoked.len())
            })
            .await?;
        count_revoked(revoked);
        tracing::info!(revoked, "other sessions revoked");
        Ok(revoked)
    }

    /// The user's active sessions, newest first: up to `fetch` rows after the keyset
    /// position `before` (a session id).
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn list_sessions(
        &self,
        user_id: UserId,
        before: Option<SessionId>,
        fetch: i64,
    ) -> Result<Vec<Session>, Fault> {
        // A listing: the replica's lag is acceptable.
        let rows = self
            .db
            .read(move |conn| {
                repo::list_active_sessions(conn, user_id, before, fetch).map_err(Fault::from)
            })
            .await?;
        Ok(rows.into_iter().map(session_from_row).collect())
    }
}

impl IdentityService {
    /// Exchanges a refresh token for a new pair (rotation). A token used before gets the
    /// same new pair within the grace window (while that pair is unused); otherwise the
    /// reuse revokes the whole session (RFC 9700 reuse detection).
    #[tracing::instrument(skip_all, fields(user_id, session_id))]
    pub async fn refresh(
        &self,
        refresh_token: &str,
        ip_coarse: Option<String>,
    ) -> Result<LoginTokens, RefreshError> {
        let presented = refresh_token.to_owned();
        let now = now_utc();
        let policy = self.policy;
        let outcome = self
            .db
            .write(move |conn| {
                rotate(conn, &presented, now, policy, ip_coarse.as_deref())
                    .map_err(RefreshError::from)
            })
            .await?;
        let (user, session_id, successor, issued_at, amr, mfa_on) = match outcome {
            Rotation::Issued {
                user,
                session_id,
                successor,
                issued_at,
                amr,
                mfa_on,
            } => (user, session_id, successor, issued_at, amr, mfa_on),
            Rotation::Invalid => return Err(RefreshError::InvalidToken),
            Rotation::ReuseDetected { session_id } => {
                count(SecurityEventKind::RefreshTokenReused);
                tracing::warn!(
                    session_id = %session_id,
                    "refresh token reuse detected: session revoked"
                );
                return Err(RefreshError::InvalidToken);
            }
        };
        let user = user_from_row(*user)?;
        let span = tracing::Span::current();
        span.record("user_id", tracing::field::display(&user.id));
        span.record("session_id", tracing::field::display(&session_id));

        // The access token is a function of the new refresh token and its issue time, and
        // EdDSA signatures are deterministic: a retry in the grace window gets the very
        // same pair.
        // The session keeps the methods its login proved (a password, a second factor).
        let amr: Vec<String> =
            serde_json::from_str(&amr).map_err(Unexpected::with("identity_sessions.amr"))?;
        let mut claims = self.auth.access_claims(
            &user.id,
            &session_id,
            user.roles.clone(),
            amr,
            ACCESS_TOKEN_TTL,
        );
        let ttl = claims.exp - claims.iat;
        claims.iat = issued_at.and_utc().timestamp();
        claims.nbf = claims.iat;
        claims.exp = claims.iat + ttl;
        claims.jti = sha256_hex(&format!("jti:{successor}"))[..32].to_owned();
        let access_token = self
            .auth
            .issue(&claims)
            .map_err(Unexpected::with("signing the access token"))?;
        tracing::info!("tokens refreshed");
        Ok(LoginTokens {
            access_token,
            refresh_token: successor,
            expires_in: u32::try_from(ttl).unwrap_or(0),
            session_id,
            mfa_enrollment_required: !mfa_on && mfa_required_for(&user.roles),
        })
    }
}

/// What one refresh did, decided in one transaction.
enum Rotation {
    /// A new pair: `successor` is the new refresh token, issued at `issued_at`.
    Issued {
        user: Box<UserRow>,
        session_id: SessionId,
        successor: String,
        issued_at: NaiveDateTime,
        /// The session's `amr` (JSON array).
        amr: String,
        /// The account has an enabled second factor.
        mfa_on: bool,
    },
    /// Unknown, expired, or of a revoked session.
    Invalid,
    /// A used token outside the grace window: the session is now revoked.
    ReuseDetected { session_id: SessionId },
}

fn rotate(
    conn: &mut haven_platform::AnyConnection,
    presented: &str,
    now: NaiveDateTime,
    policy: Policy,
    ip_coarse: Option<&str>,
) -> diesel::QueryResult<Rotation> {
    let hash = sha256_hex(presented);
    // Locked: concurrent refreshes of one token queue here, and a later one sees the
    // earlier one's use (and successor) below.
    let Some(token) = repo::lock_refresh_token(conn, &hash)? else {
        return Ok(Rotation::Invalid);
    };
    let Some(session) = repo::find_session(conn, token.session_id)? else {
        return Ok(Rotation::Invalid);
    };
    if session.revoked_at.is_some()
        || session.refresh_secret.is_empty()
        || token.expires_at <= now
        || session.created_at + policy.session_max_age <= now
    {
        return Ok(Rotation::Invalid);
    }
    // Disabling revokes the sessions; this also stops one a login opened concurrently.
    let Some(user) =
        accounts::repo::find_user(conn, session.user_id)?.filter(|u| u.disabled_at.is_none())
    else {
        return Ok(Rotation::Invalid);
    };
    let successor = successor_token(&session.refresh_secret, presented);
    let mfa_on = mfa::repo::mfa_enabled(conn, user.id)?;
    let successor_hash = sha256_hex(&successor);
    if token.used_at.is_none() {
        repo::mark_refresh_token_used(conn, token.id, now)?;
        let expires_at =
            (now + policy.refresh_idle_ttl).min(session.created_at + policy.session_max_age);
        repo::insert_refresh_token(
            conn,
            &RefreshTokenRow {
                id: RefreshTokenId::new(),
                session_id: session.id,
                token_hash: successor_hash,
                created_at: now,
                expires_at,
                used_at: None,
            },
        )?;
        repo::touch_session(conn, session.id, now, ip_coarse)?;
        return Ok(Rotation::Issued {
            user: Box::new(user),
            session_id: session.id,
            successor,
            issued_at: now,
            amr: session.amr,
            mfa_on,
        });
    }
    let within_grace = token
        .used_at
        .is_some_and(|used| now - used <= policy.refresh_grace);
    match repo::find_refresh_token(conn, &successor_hash)? {
        Some(next) if within_grace && next.used_at.is_none() => Ok(Rotation::Issued {
            user: Box::new(user),
            session_id: session.id,
            successor,
            issued_at: next.created_at,
            amr: session.amr,
            mfa_on,
        }),
        _ => {
            repo::revoke_family(conn, session.id, now)?;
            security_events::repo::insert_security_event(
                conn,
                &security_event(
                    SecurityEventKind::RefreshTokenReused,
                    Some(session.user_id),
                    Some(session.id),
                    now,
                ),
            )?;
            Ok(Rotation::ReuseDetected {
                session_id: session.id,
            })
        }
    }
}

/// The refresh token that replaces `token`: HMAC-SHA256 under the family's secret,
/// base64url. Unguessable without the secret, which never leaves the database.
fn successor_token(secret: &str, token: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        // HMAC takes keys of any length; this arm is unreachable.
        Err(_) => return random_token().unwrap_or_default(),
    };
    mac.update(token.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

pub(crate) fn session_from_row(row: SessionRow) -> Session {
    Session {
        id: row.id,
        device_label: row.device_label,
        ip_coarse: row.ip_coarse,
        created_at: utc(row.created_at),
        last_used_at: utc(row.last_used_at),
    }
}
