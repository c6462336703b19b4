//! Account erasure (issue 4 point 10). The request, after re-authentication with the
//! password, does in one transaction: record the erasure, revoke every session, make
//! login impossible and free the email (tombstone credentials), publish `user.erased`,
//! and enqueue one job per mounted module. Each job runs its module's `erase_user` and
//! records the step; the queue retries a failing module with backoff, so none is
//! skipped. When the last step completes, the erasure is complete (`erasure_completed`).
//! Access tokens already issued stay valid until they expire (at most 15 minutes).

use haven_platform::db::unique_violation;
use haven_platform::ids::{SessionId, UserId};
use haven_platform::jobs::NewJob;
use haven_platform::privacy::Erasure;
use haven_platform::time::now_utc;
use haven_platform::{Unexpected, jobs, outbox};

use super::error::{ErasureError, ErasureStatusError};
use super::repo;
use super::repo::{ErasureRow, ErasureStepRow};
use crate::accounts::model::Password;
use crate::credentials::hasher::{Verified, dummy_hash};
use crate::erasure::model::{ErasureStatus, ErasureStep};
use crate::events::UserErased;
use crate::security_events::model::SecurityEventKind;
use crate::security_events::service::{count, security_event};
use crate::service::{IdentityService, utc};
use crate::sessions::service::{RevokeReason, revoke_sessions_audited};
use crate::{accounts, mfa, organizations, security_events, sessions};

/// Job kind that runs one module's `erase_user` (payload `{"user_id", "module"}`).
pub const ERASE_JOB: &str = "identity.erase_user_from_module";

/// Attempts of an erasure job before it is dead-lettered: with the default backoff
/// (`jobs.backoff_max_ms`, 5 minutes) a failing module is retried for about 3.5 days. A
/// dead job leaves its step pending and the erasure incomplete, visibly, for an operator
/// to rerun (set the job back to `pending`).
pub const ERASURE_MAX_ATTEMPTS: u32 = 1_000;

/// The password hash of an erased account: the process's dummy hash, of a random secret
/// nobody knows. Well-formed (unlike a marker string), so any password check against it
/// simply fails. Computed off the runtime the first time.
async fn tombstone_hash() -> Result<String, Unexpected> {
    tokio::task::spawn_blocking(|| dummy_hash().map(str::to_owned))
        .await
        .map_err(Unexpected::with("dummy hash task"))?
}

/// Payload of an [`ERASE_JOB`].
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct EraseJob {
    pub(crate) user_id: UserId,
    pub(crate) module: String,
}

fn status_of(erasure: ErasureRow, steps: Vec<ErasureStepRow>) -> ErasureStatus {
    ErasureStatus {
        requested_at: utc(erasure.requested_at),
        completed_at: erasure.completed_at.map(utc),
        steps: steps
            .into_iter()
            .map(|s| ErasureStep {
                module: s.module,
                attempts: u32::try_from(s.attempts).unwrap_or(0),
                completed_at: s.completed_at.map(utc),
                outcome: s.outcome,
            })
            .collect(),
    }
}

impl IdentityService {
    /// Erases the caller's account after checking `password` (see the module docs).
    /// A wrong password is `ReauthenticationFailed` and changes nothing; a second request
    /// is `ErasureAlreadyRequested`.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, session_id = %session_id))]
    pub async fn request_erasure(
        &self,
        user_id: &UserId,
        session_id: &SessionId,
        password: &str,
    ) -> Result<ErasureStatus, ErasureError> {
        let id = *user_id;
        // On the primary: the password check decides on the live account.
        let (user, erasure) = self
            .db
            .read_primary(move |conn| {
                Ok::<_, ErasureError>((
                    accounts::repo::find_user(conn, id)?,
                    repo::find_erasure(conn, &id)?,
                ))
            })
            .await?;
        if erasure.is_some() {
            return Err(ErasureError::AlreadyRequested);
        }
        let user = user.ok_or(ErasureError::AccountNotFound)?;
        let verified = self
            .hasher
            .verify(Password::presented(password), Some(user.password_hash))
            .await?;
        if verified == Verified::Mismatch {
            tracing::info!("erasure refused: wrong password");
            return Err(ErasureError::ReauthenticationFailed);
        }
        let modules: Vec<String> = self
            .modules
            .all()
            .map_err(Unexpected::with("the module registry"))?
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        let now = now_utc();
        let mut jobs_to_enqueue = Vec::with_capacity(modules.len());
        for module in &modules {
            let payload = EraseJob {
                user_id: id,
                module: module.clone(),
            };
            jobs_to_enqueue.push(
                NewJob::new(ERASE_JOB, &payload)
                    .map_err(Unexpected::with("erase job payload"))?
                    .max_attempts(ERASURE_MAX_ATTEMPTS),
            );
        }
        let erasure = ErasureRow {
            user_id: id,
            requested_at: now,
            updated_at: now,
            completed_at: None,
        };
        let steps: Vec<ErasureStepRow> = modules
            .iter()
            .map(|module| ErasureStepRow {
                user_id: id,
                module: module.clone(),
                attempts: 0,
                completed_at: None,
                outcome: None,
            })
            .collect();
        let mut event = security_event(
            SecurityEventKind::ErasureRequested,
            Some(id),
            Some(*session_id),
            now,
        );
        event.detail = Some(format!("modules: {}", modules.join(",")));
        let tombstone_hash = tombstone_hash().await?;
        let (row, inserted_steps) = (erasure.clone(), steps.clone());
        let revoked = self
            .db
            .write(move |tx| {
                if let Err(e) = repo::insert_erasure(tx, &row) {
                    // A concurrent request of the same account got there first.
                    return Err(match unique_violation(tx, &e) {
                        Some(v) if v.constraint == "identity_erasures_pkey" => {
                            ErasureError::AlreadyRequested
                        }
                        _ => ErasureError::from(e),
                    });
                }
                let revoked = revoke_sessions_audited(
                    tx,
                    row.user_id,
                    sessions::repo::SessionScope::All,
                    RevokeReason::ErasureRequested,
                    None,
                    now,
                )?;
                repo::tombstone_login(tx, &row.user_id, &tombstone_hash, now)?;
                outbox::publish(
                    tx,
                    &UserErased {
                        user_id: row.user_id,
                    },
                )?;
                for step in &inserted_steps {
                    repo::insert_erasure_step(tx, step)?;
                }
                for job in jobs_to_enqueue {
                    jobs::enqueue(tx, job)?;
                }
                security_events::repo::insert_security_event(tx, &event)?;
                Ok::<_, ErasureError>(revoked.len())
            })
            .await?;
        count(SecurityEventKind::ErasureRequested);
        tracing::info!(
            sessions_revoked = revoked,
            modules = modules.len(),
            "erasure requested"
        );
        Ok(status_of(erasure, steps))
    }

    /// The erasure of `user_id` and its steps; `ErasureNotFound` if none was requested.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn erasure_status(
        &self,
        user_id: &UserId,
    ) -> Result<ErasureStatus, ErasureStatusError> {
        let id = *user_id;
        // On the primary: the member polls the erasure they just requested.
        let (erasure, steps) = self
            .db
            .read_primary(move |conn| {
                Ok::<_, ErasureStatusError>((
                    repo::find_erasure(conn, &id)?,
                    repo::erasure_steps_of(conn, &id)?,
                ))
            })
            .await?;
        let erasure = erasure.ok_or(ErasureStatusError::NotFound)?;
        Ok(status_of(erasure, steps))
    }

    /// Runs one module's erasure step (the [`ERASE_JOB`]): counts the attempt, calls the
    /// module's `erase_user`, and records the step complete; the last step completes the
    /// erasure. An error (the module failed, or is not mounted on this node) is returned
    /// to the job queue, which retries it. A completed step is not run again.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, module = %module))]
    pub async fn run_erasure_step(&self, user_id: &UserId, module: &str) -> anyhow::Result<()> {
        let (id, name) = (*user_id, module.to_owned());
        let step = self
            .db
            .write(move |tx| {
                let step = repo::find_erasure_step(tx, &id, &name)?;
                if step.as_ref().is_some_and(|s| s.completed_at.is_none()) {
                    repo::count_erasure_attempt(tx, &id, &name)?;
                }
                Ok::<_, ErasureError>(step)
            })
            .await?;
        let Some(step) = step else {
            anyhow::bail!("no erasure step of this module for this user");
        };
        if step.completed_at.is_some() {
            return Ok(());
        }
        let hooks = self
            .modules
            .get(module)?
            .ok_or_else(|| anyhow::anyhow!("module {module} is not mounted on this node"))?;
        let outcome = match hooks.erase_user(user_id).await {
            Ok(outcome) => outcome,
            Err(e) => {
                tracing::warn!(attempt = step.attempts + 1, error = %e, "module erasure failed; it will be retried");
                return Err(e);
            }
        };
        let (id, name) = (*user_id, module.to_owned());
        let now = now_utc();
        let completed = self
            .db
            .write(move |tx| {
                // Completions of one erasure run one after the other, so the last one
                // counts no pending step and completes the erasure.
                repo::lock_erasure(tx, &id)?;
                repo::complete_erasure_step(tx, &id, &name, outcome.as_str(), now)?;
                repo::touch_erasure(tx, &id, now)?;
                if repo::pending_erasure_steps(tx, &id)? > 0
                    || repo::complete_erasure(tx, &id, now)? == 0
                {
                    return Ok(false);
                }
                security_events::repo::insert_security_event(
                    tx,
                    &security_event(SecurityEventKind::ErasureCompleted, Some(id), None, now),
                )?;
                Ok::<_, ErasureError>(true)
            })
            .await?;
        tracing::info!(outcome = outcome.as_str(), "module erasure done");
        if completed {
            count(SecurityEventKind::ErasureCompleted);
            tracing::info!("erasure completed");
        }
        Ok(())
    }

    /// Identity's own `erase_user`: pseudonymizes the account (see
    /// [`repo::pseudonymize_user`]), deletes its exports and its second factor (TOTP
    /// secret, recovery codes, login challenges), and ends its organization membership
    /// (`organization.member_left`, reason `account_erased`).
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn erase_own_data(&self, user_id: &UserId) -> Result<Erasure, ErasureError> {
        let id = *user_id;
        let now = now_utc();
        let hash = tombstone_hash().await?;
        let (found, left) = self
            .db
            .write(move |tx| {
                if accounts::repo::find_user(tx, id)?.is_none() {
                    return Ok((false, false));
                }
                repo::pseudonymize_user(tx, &id, &hash, now)?;
                mfa::repo::erase_mfa(tx, id)?;
                let left = organizations::service::end_membership_on_erasure(tx, &id, now)?;
                Ok::<_, ErasureError>((true, left))
            })
            .await?;
        if left {
            count(SecurityEventKind::OrganizationLeft);
        }
        Ok(if found {
            Erasure::Erased
        } else {
            Erasure::NothingStored
        })
    }
}
