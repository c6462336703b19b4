//! Listing and revoking sessions, logging out, and the one way every use-case revokes
//! sessions: [`revoke_sessions_audited`].

use chrono::NaiveDateTime;
use haven_platform::AnyConnection;
use haven_platform::time::now_utc;

use super::{IdentityService, count, security_event, session_from_row};
use crate::error::Fault;
use crate::error::sessions::RevokeSessionError;
use crate::model::{SecurityEventKind, UserId};
use crate::model::{Session, SessionId};
use crate::repo::{self, SessionScope};

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
        repo::insert_security_event(conn, &event)?;
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
