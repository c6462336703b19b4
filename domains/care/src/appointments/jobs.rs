//! Background work of appointments: reminders (24 h and 1 h before, each once, skipped
//! when the appointment is no longer booked at that time), unit releases that must not
//! be lost, the provider-cancel notice, and the sweeper of abandoned pending bookings.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{Duration, NaiveDateTime};
use diesel::QueryResult;
use futures_util::future::BoxFuture;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;
use haven_platform::jobs::{self, Job, JobHandler, NewJob, Recurring};
use haven_platform::time::now_utc;
use serde::{Deserialize, Serialize};

use super::model::AppointmentId;
use super::repo::{self, AppointmentRow};
use crate::ports::Benefit;
use crate::service::CareService;

/// Sends one reminder.
pub const REMIND: &str = "care.send_reminder";
/// Releases a unit (retried until the ledger answers).
pub const RELEASE: &str = "care.release_unit";
/// Tells a member their provider cancelled.
pub const PROVIDER_CANCELLED: &str = "care.notify_provider_cancel";
/// Sweeps abandoned pending bookings.
pub const SWEEP: &str = "care.sweep_pending";

/// How old a pending booking must be before the sweeper takes it for abandoned: far
/// beyond any request's timeout.
pub const PENDING_TTL: Duration = Duration::minutes(10);

/// Payload of a reminder.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reminder {
    /// The appointment.
    pub appointment_id: AppointmentId,
    /// The start it was scheduled for (a rescheduled appointment is a new row, so this
    /// only guards against a changed start).
    pub starts_at: NaiveDateTime,
    /// Hours before the start (24 or 1).
    pub hours_before: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Release {
    user_id: UserId,
    feature: String,
    reference: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct ProviderCancelled {
    appointment_id: AppointmentId,
}

fn job(kind: &str, payload: &impl Serialize) -> QueryResult<NewJob> {
    NewJob::new(kind, payload).map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))
}

/// Enqueues the 24 h and 1 h reminders of a booked appointment (those still ahead).
pub fn schedule_reminders(conn: &mut AnyConnection, row: &AppointmentRow) -> QueryResult<()> {
    let now = now_utc();
    for hours_before in [24, 1] {
        let at = row.starts_at - Duration::hours(hours_before);
        if at <= now {
            continue;
        }
        let payload = Reminder {
            appointment_id: row.id,
            starts_at: row.starts_at,
            hours_before,
        };
        jobs::enqueue(conn, job(REMIND, &payload)?.run_at(at))?;
    }
    Ok(())
}

/// Enqueues the release of a unit, in the transaction that decides it.
pub fn enqueue_release(
    conn: &mut AnyConnection,
    user: &UserId,
    benefit: Benefit,
    reference: &str,
) -> QueryResult<()> {
    let payload = Release {
        user_id: *user,
        feature: benefit.feature().to_owned(),
        reference: reference.to_owned(),
    };
    jobs::enqueue(conn, job(RELEASE, &payload)?).map(drop)
}

/// Enqueues the notice of a provider cancel.
pub fn enqueue_provider_cancel(conn: &mut AnyConnection, row: &AppointmentRow) -> QueryResult<()> {
    jobs::enqueue(
        conn,
        job(
            PROVIDER_CANCELLED,
            &ProviderCancelled {
                appointment_id: row.id,
            },
        )?,
    )
    .map(drop)
}

/// The module's job handlers.
pub fn handlers(service: &CareService) -> Vec<Arc<dyn JobHandler>> {
    vec![
        Arc::new(Handler(service.clone(), REMIND)),
        Arc::new(Handler(service.clone(), RELEASE)),
        Arc::new(Handler(service.clone(), PROVIDER_CANCELLED)),
        Arc::new(Handler(service.clone(), SWEEP)),
    ]
}

/// The module's schedules.
pub fn recurring() -> Vec<Recurring> {
    vec![Recurring {
        name: SWEEP,
        every: StdDuration::from_secs(60),
        kind: SWEEP,
    }]
}

struct Handler(CareService, &'static str);

impl JobHandler for Handler {
    fn kind(&self) -> &'static str {
        self.1
    }

    fn run<'a>(&'a self, job: &'a Job) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            match self.1 {
                REMIND => {
                    let r: Reminder = serde_json::from_value(job.payload.clone())?;
                    self.0.send_reminder(&r).await
                }
                RELEASE => {
                    let r: Release = serde_json::from_value(job.payload.clone())?;
                    let benefit = Benefit::parse(&r.feature)
                        .ok_or_else(|| anyhow::anyhow!("unknown care feature"))?;
                    self.0
                        .benefits
                        .release(&r.user_id, benefit, &r.reference)
                        .await
                }
                PROVIDER_CANCELLED => {
                    let p: ProviderCancelled = serde_json::from_value(job.payload.clone())?;
                    self.0.notify_provider_cancel(p.appointment_id).await
                }
                _ => self.0.sweep_pending().await.map(drop),
            }
        })
    }
}

impl CareService {
    /// Deletes a pending booking and, in the same transaction, enqueues the release of
    /// its unit (a no-op when nothing was consumed), then releases it at once as well.
    /// Whether the row was still pending (a confirmation may have won).
    pub(crate) async fn abandon_pending(&self, row: &AppointmentRow) -> anyhow::Result<bool> {
        let (id, member) = (row.id, row.member_id);
        let unit = match (&row.unit_feature, &row.unit_reference) {
            (Some(f), Some(r)) => Benefit::parse(f).map(|b| (b, r.clone())),
            _ => None,
        };
        let queued = unit.clone();
        let deleted = self
            .db
            .write(move |conn| {
                let n = repo::delete_pending(conn, &id)?;
                if n == 1
                    && let Some((benefit, reference)) = &queued
                {
                    enqueue_release(conn, &member, *benefit, reference)?;
                }
                Ok::<_, haven_platform::DbError>(n == 1)
            })
            .await?;
        if deleted && let Some((benefit, reference)) = unit {
            self.release_unit(&member, benefit, &reference).await;
        }
        Ok(deleted)
    }

    /// Abandons pending bookings older than [`PENDING_TTL`] (left by a crash between
    /// holding the time and confirming it); how many.
    pub async fn sweep_pending(&self) -> anyhow::Result<usize> {
        let before = now_utc() - PENDING_TTL;
        let stale = self
            .db
            .read_primary(move |conn| {
                repo::stale_pending(conn, before).map_err(haven_platform::DbError::from)
            })
            .await?;
        let mut swept = 0;
        for row in stale {
            if self.abandon_pending(&row).await? {
                swept += 1;
            }
        }
        Ok(swept)
    }
}
