//! Listing and revoking sessions, logging out.

use haven_platform::time::now_utc;

use super::{IdentityService, count, security_event, session_from_row};
use crate::error::IdentityError;
use crate::model::SecurityEventKind;
use crate::model::{Session, SessionId};
use crate::repo::{self};

impl IdentityService {
    /// Revokes the caller's current session (log out). Revoking a revoked session is a
    /// no-op.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, session_id = %session_id))]
    pub async fn logout(&self, user_id: &str, session_id: &str) -> Result<(), IdentityError> {
        match self.revoke_session(user_id, session_id).await {
            // A token whose session is gone has nothing left to sign out of.
            Ok(()) | Err(IdentityError::NotFound) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Revokes one of the user's sessions; `NotFound` if it is not theirs.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, session_id = %session_id))]
    pub async fn revoke_session(
        &self,
        user_id: &str,
        session_id: &str,
    ) -> Result<(), IdentityError> {
        let (user, session) = (user_id.to_owned(), session_id.to_owned());
        let now = now_utc();
        let exists = self
            .db
            .write(move |conn| {
                let exists = repo::revoke_session(conn, &user, &session, now)?;
                if exists {
                    repo::insert_security_event(
                        conn,
                        &security_event(
                            SecurityEventKind::SessionRevoked,
                            Some(user.clone()),
                            Some(session.clone()),
                            now,
                        ),
                    )?;
                }
                Ok::<_, IdentityError>(exists)
            })
            .await?;
        if exists {
            count(SecurityEventKind::SessionRevoked);
            tracing::info!("session revoked");
            Ok(())
        } else {
            Err(IdentityError::NotFound)
        }
    }

    /// Revokes every session of the user except `session_id` (the caller's): "sign out
    /// my other devices". Returns how many it revoked.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, session_id = %session_id))]
    pub async fn revoke_other_sessions(
        &self,
        user_id: &str,
        session_id: &str,
    ) -> Result<usize, IdentityError> {
        let (user, keep) = (user_id.to_owned(), session_id.to_owned());
        let now = now_utc();
        let revoked = self
            .db
            .write(move |conn| {
                let revoked = repo::revoke_other_sessions(conn, &user, &keep, now)?;
                for id in &revoked {
                    repo::insert_security_event(
                        conn,
                        &security_event(
                            SecurityEventKind::SessionRevoked,
                            Some(user.clone()),
                            Some(id.clone()),
                            now,
                        ),
                    )?;
                }
                Ok::<_, IdentityError>(revoked.len())
            })
            .await?;
        for _ in 0..revoked {
            count(SecurityEventKind::SessionRevoked);
        }
        tracing::info!(revoked, "other sessions revoked");
        Ok(revoked)
    }

    /// The user's active sessions, newest first: up to `fetch` rows after the keyset
    /// position `before` (a session id).
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn list_sessions(
        &self,
        user_id: &str,
        before: Option<SessionId>,
        fetch: i64,
    ) -> Result<Vec<Session>, IdentityError> {
        let user = user_id.to_owned();
        let before = before.map(|b| b.to_string());
        // A listing: the replica's lag is acceptable.
        let rows = self
            .db
            .read(move |conn| {
                repo::list_active_sessions(conn, &user, before.as_deref(), fetch)
                    .map_err(IdentityError::from)
            })
            .await?;
        rows.into_iter().map(session_from_row).collect()
    }
}
