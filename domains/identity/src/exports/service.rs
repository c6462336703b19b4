//! Account export (issue 4 point 10): the member asks, a job collects every mounted
//! module's `export_user_data` into one JSON document, the owner downloads it once, and
//! expired exports are purged.

use chrono::NaiveDateTime;
use haven_platform::ids::{SessionId, UserId};
use haven_platform::jobs::NewJob;
use haven_platform::privacy::UserData;
use haven_platform::time::now_utc;
use haven_platform::{Unexpected, jobs};
use serde_json::{Map, Value, json};

use super::error::{DownloadError, ExportError};
use super::model::ExportId;
use super::repo;
use super::repo::ExportRow;
use crate::exports::model::{ExportState, ExportStatus};
use crate::security_events::model::SecurityEventKind;
use crate::security_events::service::{count, security_event};
use crate::service::{IdentityService, utc};
use crate::{accounts, erasure, memberships, mfa, security_events};

/// An export can be downloaded until this long after it was requested; then it is purged.
pub const EXPORT_TTL: chrono::Duration = chrono::Duration::days(7);

/// Job kind that assembles an export (payload `{"export_id": …}`).
pub const EXPORT_JOB: &str = "identity.export_user_data";

/// Recurring job kind that deletes expired exports.
pub const PURGE_EXPORTS_JOB: &str = "identity.purge_expired_exports";

fn status_of(row: ExportRow, now: NaiveDateTime) -> ExportStatus {
    let state = if row.downloaded_at.is_some() {
        ExportState::Downloaded
    } else if row.expires_at <= now {
        ExportState::Expired
    } else if row.completed_at.is_some() {
        ExportState::Ready
    } else {
        ExportState::Pending
    };
    ExportStatus {
        id: row.id,
        state,
        requested_at: utc(row.requested_at),
        completed_at: row.completed_at.map(utc),
        expires_at: utc(row.expires_at),
        downloaded_at: row.downloaded_at.map(utc),
    }
}

/// Payload of an [`EXPORT_JOB`].
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct ExportJob {
    pub(crate) export_id: ExportId,
}

impl IdentityService {
    /// Records an export request and enqueues the job that assembles it, in one
    /// transaction; audited as `export_requested`. An erased account is `NotFound`.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, export_id))]
    pub async fn request_export(
        &self,
        user_id: &UserId,
        session_id: &SessionId,
    ) -> Result<ExportStatus, ExportError> {
        let id = ExportId::new();
        tracing::Span::current().record("export_id", tracing::field::display(&id));
        let now = now_utc();
        let row = ExportRow {
            id,
            user_id: *user_id,
            requested_at: now,
            completed_at: None,
            expires_at: now + EXPORT_TTL,
            downloaded_at: None,
        };
        let job = NewJob::new(EXPORT_JOB, &ExportJob { export_id: id })
            .map_err(Unexpected::with("export job payload"))?;
        let event = security_event(
            SecurityEventKind::ExportRequested,
            Some(*user_id),
            Some(*session_id),
            now,
        );
        let inserted = row.clone();
        self.db
            .write(move |tx| {
                if accounts::repo::find_user(tx, inserted.user_id)?.is_none()
                    || erasure::repo::find_erasure(tx, &inserted.user_id)?.is_some()
                {
                    return Ok(false);
                }
                repo::insert_export(tx, &inserted)?;
                jobs::enqueue(tx, job)?;
                security_events::repo::insert_security_event(tx, &event)?;
                Ok::<_, ExportError>(true)
            })
            .await?
            .then_some(())
            .ok_or(ExportError::AccountNotFound)?;
        count(SecurityEventKind::ExportRequested);
        tracing::info!("export requested");
        Ok(status_of(row, now))
    }

    /// The caller's export; `ExportNotFound` if it is not theirs.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, export_id = %export_id))]
    pub async fn export_status(
        &self,
        user_id: &UserId,
        export_id: &ExportId,
    ) -> Result<ExportStatus, ExportError> {
        let (user, id) = (*user_id, *export_id);
        // On the primary: the member polls the export they just requested.
        let row = self
            .db
            .read_primary(move |conn| {
                repo::find_export(conn, &id, &user).map_err(ExportError::from)
            })
            .await?
            .ok_or(ExportError::NotFound)?;
        Ok(status_of(row, now_utc()))
    }

    /// Hands the caller their export's document once and deletes it in the same
    /// transaction; audited as `export_downloaded`. Later calls get
    /// `ExportAlreadyDownloaded`, someone else gets `ExportNotFound`.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, export_id = %export_id))]
    pub async fn download_export(
        &self,
        user_id: &UserId,
        session_id: &SessionId,
        export_id: &ExportId,
    ) -> Result<String, DownloadError> {
        let (user, id) = (*user_id, *export_id);
        let now = now_utc();
        let event = security_event(
            SecurityEventKind::ExportDownloaded,
            Some(user),
            Some(*session_id),
            now,
        );
        let taken = self
            .db
            .write(move |tx| {
                let Some(payload) = repo::take_export_payload(tx, &id, &user, now)? else {
                    // Nothing changed: say why from the row as it is.
                    return Ok(Err(repo::find_export(tx, &id, &user)?));
                };
                security_events::repo::insert_security_event(tx, &event)?;
                Ok::<_, DownloadError>(Ok(payload))
            })
            .await?;
        match taken {
            Ok(payload) => {
                count(SecurityEventKind::ExportDownloaded);
                tracing::info!("export downloaded");
                Ok(payload)
            }
            Err(None) => Err(DownloadError::NotFound),
            Err(Some(row)) => Err(match status_of(row, now).state {
                ExportState::Pending => DownloadError::NotReady,
                ExportState::Expired => DownloadError::Expired,
                // Ready here means a payload went missing; treat it as taken.
                ExportState::Downloaded | ExportState::Ready => DownloadError::AlreadyDownloaded,
            }),
        }
    }

    /// Assembles an export (the [`EXPORT_JOB`]): every mounted module's section, in mount
    /// order. A module that fails fails the job, which the queue retries; an export is
    /// never stored with a section missing. Done or purged exports are left alone.
    #[tracing::instrument(skip_all, fields(export_id = %export_id))]
    pub async fn assemble_export(&self, export_id: &ExportId) -> anyhow::Result<()> {
        let id = *export_id;
        // On the primary: the job runs right after the request committed.
        let Some(row) = self
            .db
            .read_primary(move |conn| repo::find_export_by_id(conn, &id).map_err(ExportError::from))
            .await?
        else {
            tracing::info!("export gone before it was assembled");
            return Ok(());
        };
        if row.completed_at.is_some() {
            return Ok(());
        }
        let mut sections = Map::new();
        for module in self.modules.all()? {
            let section = match module.export_user_data(&row.user_id).await? {
                UserData::NothingStored => json!({"status": "nothing_stored"}),
                UserData::Exported(data) => json!({"status": "exported", "data": data}),
            };
            sections.insert(module.name().to_owned(), section);
        }
        let now = now_utc();
        let document = json!({
            "format": "haven.user_export.v1",
            "export_id": row.id,
            "user_id": row.user_id,
            "generated_at": utc(now),
            "modules": Value::Object(sections),
        })
        .to_string();
        let id = row.id;
        self.db
            .write(move |conn| {
                repo::complete_export(conn, &id, &document, now).map_err(ExportError::from)
            })
            .await?;
        tracing::info!("export assembled");
        Ok(())
    }

    /// Deletes exports past their expiry (the hourly [`PURGE_EXPORTS_JOB`]).
    #[tracing::instrument(skip_all)]
    pub async fn purge_expired_exports(&self) -> Result<usize, ExportError> {
        let now = now_utc();
        let purged = self
            .db
            .write(move |conn| repo::purge_expired_exports(conn, now).map_err(ExportError::from))
            .await?;
        tracing::info!(purged, "expired exports purged");
        Ok(purged)
    }

    /// Identity's own section of an export: the account, its sessions, its security
    /// events (kinds and times) and its organization memberships.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn export_own_data(&self, user_id: &UserId) -> Result<UserData, ExportError> {
        let id = *user_id;
        // On the primary: the export job runs right after the request, and the document
        // must show the account as it is, not as a lagging replica has it.
        let (user, sessions, events, memberships, totp, recovery_codes_left) = self
            .db
            .read_primary(move |conn| {
                Ok::<_, ExportError>((
                    accounts::repo::find_user(conn, id)?,
                    erasure::repo::sessions_of(conn, &id)?,
                    security_events::repo::security_events_of(conn, id)?,
                    memberships::repo::memberships_of_user(conn, &id)?,
                    mfa::repo::find_totp(conn, id)?,
                    mfa::repo::recovery_codes_left(conn, id)?,
                ))
            })
            .await?;
        let Some(user) = user else {
            return Ok(UserData::NothingStored);
        };
        let roles: Value =
            serde_json::from_str(&user.roles).map_err(Unexpected::with("identity_users.roles"))?;
        Ok(UserData::Exported(json!({
            "account": {
                "id": user.id,
                "email": user.email,
                "display_name": user.display_name,
                "roles": roles,
                "created_at": utc(user.created_at),
                "email_verified_at": user.email_verified_at.map(utc),
                "time_zone": user.time_zone,
                "locale": user.locale,
                "marketing_consent": user.marketing_consent,
                "marketing_consent_at": user.marketing_consent_at.map(utc),
            },
            "sessions": sessions.into_iter().map(|s| json!({
                "id": s.id,
                "device_label": s.device_label,
                "ip_coarse": s.ip_coarse,
                "created_at": utc(s.created_at),
                "last_used_at": utc(s.last_used_at),
                "revoked_at": s.revoked_at.map(utc),
            })).collect::<Vec<_>>(),
            "security_events": events.into_iter().map(|e| json!({
                "kind": e.kind,
                "created_at": utc(e.created_at),
                "session_id": e.session_id,
            })).collect::<Vec<_>>(),
            "organization_memberships": memberships.into_iter().map(|m| json!({
                "id": m.id,
                "organization_id": m.organization_id,
                "via": m.via,
                "employee_id": m.employee_id,
                "joined_at": utc(m.joined_at),
                "ended_at": m.ended_at.map(utc),
                "end_reason": m.end_reason,
            })).collect::<Vec<_>>(),
            // The factor's state only: the secret and the codes are credentials, not data
            // about the member, and an export file must never let its reader log in.
            "two_step_verification": totp.map(|t| json!({
                "method": "totp",
                "enrolled_at": utc(t.created_at),
                "enabled_at": t.enabled_at.map(utc),
                "recovery_codes_left": recovery_codes_left,
            })),
        })))
    }
}
