//! The cancel, reschedule and no-show policy.
//!
//! - A member cancels or reschedules for free until `care.free_cancel_hours` before the
//!   start: the unit comes back. Later, a cancellation is late (a strike; the unit stays
//!   consumed) and rescheduling is refused (cancel instead).
//! - A provider marks a missed session as a no-show once it has started (a strike).
//! - `care.strike_limit` strikes within `care.strike_window_days` pause self-booking for
//!   `care.pause_days` (`409 self_booking_paused`).
//! - A provider cancel always gives the unit back and tells the member, with the
//!   provider's next slots.
//! - Rescheduling is one transaction: the old appointment is set aside and the new one
//!   inserted; if the new time is taken the transaction rolls back and the old one stays.

use chrono::{Duration, NaiveDateTime};
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, DbError, Unexpected};

use super::error::{BookError, ChangeError};
use super::model::AppointmentId;
use super::repo::{self, AppointmentRow};
use crate::audit::model::{Access, Action, Actor, Resource};
use crate::audit::repo as audit;
use crate::availability::model::AppointmentType;
use crate::ports::Benefit;
use crate::providers::model::Provider;
use crate::providers::repo as providers;
use crate::providers::service::provider_of;
use crate::service::CareService;

/// Who cancels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Canceller {
    /// The member.
    Member(UserId),
    /// The provider (their profile).
    Provider(crate::providers::model::ProviderId),
}

/// What a cancellation did.
#[derive(Debug, Clone)]
pub struct Cancelled {
    /// The appointment after it.
    pub appointment: AppointmentRow,
    /// Whether the unit was given back.
    pub unit_released: bool,
    /// The provider's next starts of the same kind (provider cancels).
    pub next_slots: Vec<NaiveDateTime>,
}

fn kind_of(row: &AppointmentRow) -> Result<AppointmentType, Unexpected> {
    AppointmentType::parse(&row.appointment_type)
        .ok_or_else(|| Unexpected::invariant("care_appointments.appointment_type unknown"))
}

fn unit_of(row: &AppointmentRow) -> Option<(Benefit, String)> {
    let benefit = Benefit::parse(row.unit_feature.as_deref()?)?;
    Some((benefit, row.unit_reference.clone()?))
}

/// `access` refused: about the appointment's member when it exists.
fn denial(access: &Access, found: Option<&AppointmentRow>) -> Access {
    let refused = access.clone().denied();
    match found {
        Some(row) => refused.subject(row.member_id),
        None => refused,
    }
}

/// `row` if `member` owns it, recording `access` (allowed); otherwise records the
/// refusal and answers `404` (the caller commits the refusal's row).
fn owned_or_denied(
    conn: &mut AnyConnection,
    row: Option<AppointmentRow>,
    member: UserId,
    access: &Access,
) -> Result<Result<AppointmentRow, ChangeError>, DbError> {
    match row {
        Some(r) if r.member_id == member => {
            audit::record(conn, access)?;
            Ok(Ok(r))
        }
        other => {
            audit::record(conn, &denial(access, other.as_ref()))?;
            Ok(Err(ChangeError::NotFound))
        }
    }
}

impl CareService {
    fn free_until(&self, starts_at: NaiveDateTime) -> NaiveDateTime {
        starts_at - Duration::hours(i64::from(self.settings.free_cancel_hours))
    }

    /// The appointment if `member` owns it; another member's (or none) is `404`,
    /// audited as denied in the read's own transaction.
    pub async fn member_appointment(
        &self,
        member: UserId,
        id: AppointmentId,
    ) -> Result<AppointmentRow, ChangeError> {
        let access = Access::new(
            Actor::member(member),
            Some(member),
            Resource::Appointment,
            Some(id.to_string()),
            Action::Read,
        );
        self.db
            .write(move |conn| {
                let row = repo::find(conn, &id)?;
                owned_or_denied(conn, row, member, &access)
            })
            .await?
    }

    /// Cancels an appointment as its member or its provider.
    #[tracing::instrument(skip_all, fields(appointment_id = %id))]
    pub async fn cancel(
        &self,
        by: Canceller,
        actor: Actor,
        id: AppointmentId,
    ) -> Result<Cancelled, ChangeError> {
        let now = now_utc();
        let this = self.clone();
        let access = Access::new(
            actor,
            None,
            Resource::Appointment,
            Some(id.to_string()),
            Action::Cancel,
        );
        let (row, release, provider) = self
            .db
            .write(move |conn| {
                let found = repo::find(conn, &id)?;
                let (row, by, release) = match (found, by) {
                    (Some(row), Canceller::Member(m)) if m == row.member_id => {
                        let free = now <= this.free_until(row.starts_at);
                        (row, "member", free)
                    }
                    (Some(row), Canceller::Provider(p)) if p == row.provider_id => {
                        (row, "provider", true)
                    }
                    (found, _) => {
                        audit::record(conn, &denial(&access, found.as_ref()))?;
                        return Ok(Err(ChangeError::NotFound));
                    }
                };
                if row.status != "booked" {
                    return Err(ChangeError::NotActive);
                }
                if row.starts_at <= now {
                    return Err(ChangeError::Started);
                }
                let strike = (!release).then_some(now);
                if repo::cancel(conn, &id, by, now, strike)? != 1 {
                    return Err(ChangeError::NotActive);
                }
                let unit = unit_of(&row).filter(|_| release);
                if let Some((benefit, reference)) = &unit {
                    super::jobs::enqueue_release(conn, &row.member_id, *benefit, reference)?;
                }
                if by == "provider" {
                    super::jobs::enqueue_provider_cancel(conn, &row)?;
                }
                let provider =
                    provider_of(providers::find(conn, &row.provider_id)?.ok_or_else(|| {
                        Unexpected::invariant("appointment's provider vanished")
                    })?)?;
                let row = repo::find(conn, &id)?
                    .ok_or_else(|| Unexpected::invariant("cancelled appointment vanished"))?;
                audit::record(conn, &access.subject(row.member_id))?;
                Ok(Ok((row, unit, provider)))
            })
            .await??;
        // The job enqueued above guarantees the release; doing it now as well makes it
        // visible at once (release is idempotent per reference).
        if let Some((benefit, reference)) = &release {
            self.release_unit(&row.member_id, *benefit, reference).await;
        }
        let next_slots = if matches!(by, Canceller::Provider(_)) {
            self.next_slots(&provider, kind_of(&row)?, 5).await?
        } else {
            Vec::new()
        };
        metrics::counter!("haven_care_cancellations_total", "by" => if matches!(by, Canceller::Provider(_)) { "provider" } else { "member" }, "late" => if release.is_none() && matches!(by, Canceller::Member(_)) && row.strike_at.is_some() { "true" } else { "false" }).increment(1);
        Ok(Cancelled {
            unit_released: release.is_some(),
            appointment: row,
            next_slots,
        })
    }

    /// The provider's next `n` bookable starts of `kind` within the booking horizon.
    pub(crate) async fn next_slots(
        &self,
        provider: &Provider,
        kind: AppointmentType,
        n: usize,
    ) -> Result<Vec<NaiveDateTime>, ChangeError> {
        let this = self.clone();
        let provider = provider.clone();
        let now = now_utc();
        let slots = self
            .db
            .read(move |conn| {
                let (from, to) = this.bookable_window(now);
                let mut out = Vec::new();
                let mut start = from;
                // A week at a time: most providers have a slot within days.
                while start < to && out.len() < n {
                    let end = (start + Duration::days(7)).min(to);
                    out.extend(this.free_slots(conn, &provider, kind, start, end, now)?);
                    start = end;
                }
                out.truncate(n);
                Ok::<_, DbError>(out)
            })
            .await?;
        Ok(slots)
    }

    /// The provider marks a started appointment as missed (a strike; the unit stays
    /// consumed).
    #[tracing::instrument(skip_all, fields(appointment_id = %id))]
    pub async fn mark_no_show(
        &self,
        provider: crate::providers::model::ProviderId,
        actor: Actor,
        id: AppointmentId,
    ) -> Result<AppointmentRow, ChangeError> {
        let now = now_utc();
        let access = Access::new(
            actor,
            None,
            Resource::Appointment,
            Some(id.to_string()),
            Action::NoShow,
        );
        self.db
            .write(move |conn| {
                let row = match repo::find(conn, &id)? {
                    Some(r) if r.provider_id == provider => r,
                    other => {
                        audit::record(conn, &denial(&access, other.as_ref()))?;
                        return Ok(Err(ChangeError::NotFound));
                    }
                };
                if row.status != "booked" {
                    return Err(ChangeError::NotActive);
                }
                if row.starts_at > now {
                    return Err(ChangeError::NotStarted);
                }
                repo::no_show(conn, &id, row.starts_at, now)?;
                audit::record(conn, &access.subject(row.member_id))?;
                let row = repo::find(conn, &id)?
                    .ok_or_else(|| Unexpected::invariant("appointment vanished"))?;
                Ok(Ok(row))
            })
            .await?
    }

    /// The member moves an appointment to `starts_at`, atomically: the old one is kept
    /// if the new time cannot be booked. The unit consumed for the old one pays for the
    /// new one (same reference).
    #[tracing::instrument(skip_all, fields(appointment_id = %id))]
    pub async fn reschedule(
        &self,
        member: UserId,
        id: AppointmentId,
        starts_at: NaiveDateTime,
    ) -> Result<AppointmentRow, ChangeError> {
        let now = now_utc();
        let this = self.clone();
        let access = Access::new(
            Actor::member(member),
            Some(member),
            Resource::Appointment,
            Some(id.to_string()),
            Action::Reschedule,
        );
        self.db
            .write(move |conn| {
                let found = repo::find(conn, &id)?;
                let old = match owned_or_denied(conn, found, member, &access)? {
                    Ok(row) => row,
                    Err(refused) => return Ok(Err(refused)),
                };
                if old.status != "booked" {
                    return Err(ChangeError::NotActive);
                }
                if now > this.free_until(old.starts_at) {
                    return Err(ChangeError::WindowClosed);
                }
                if let Some(until) = this.pause_of(conn, &member, now)? {
                    return Err(BookError::Paused {
                        until: haven_platform::http::timestamp::format_utc(&until.and_utc()),
                    }
                    .into());
                }
                let kind = kind_of(&old)?;
                let provider =
                    provider_of(providers::find(conn, &old.provider_id)?.ok_or_else(|| {
                        Unexpected::invariant("appointment's provider vanished")
                    })?)?;
                // Set the old one aside first so its own time counts as free (moving a
                // session by 15 minutes overlaps itself); any failure below rolls this back.
                repo::transition(conn, &id, "booked", "rescheduled", now)?;
                let r = kind.ranges(starts_at);
                let new = AppointmentRow {
                    id: AppointmentId::new(),
                    status: "booked".to_owned(),
                    starts_at: r.starts_at,
                    ends_at: r.ends_at,
                    blocked_from: r.blocked_from,
                    blocked_until: r.blocked_until,
                    rescheduled_from: Some(id),
                    created_at: now,
                    updated_at: now,
                    ..old.clone()
                };
                this.hold_slot(conn, &provider, kind, &new, now)?;
                this.after_booking(conn, &new)?;
                audit::record(conn, &access.clone().fresh().resource_id(new.id))?;
                Ok(Ok(new))
            })
            .await?
    }
}
