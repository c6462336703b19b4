//! Booking. A slot is held by an appointment row, and the database guarantees that no two
//! active rows overlap for one provider (their blocked time, buffers included) or one
//! member: on PostgreSQL two exclusion constraints (`btree_gist`), on SQLite the overlap
//! check inside the `BEGIN IMMEDIATE` transaction that inserts the row (SQLite has one
//! writer at a time, so the check and the insert cannot interleave with another booking).
//!
//! Paying for a session crosses into billing, which care reaches only through the
//! [`Benefits`](crate::ports::Benefits) port: a separate use-case with its own
//! transaction (the same database, but another domain's tables and invariants). So a
//! counted session is booked in three steps, ordered so that a failure at any point
//! leaves neither a consumed unit without an appointment nor an appointment without its
//! unit:
//!
//! 1. insert the appointment as `pending`: it holds the time (a taken slot fails here,
//!    before any unit is touched: the 49 losers of a race consume nothing);
//! 2. consume one unit with the appointment id as the reference (idempotent per
//!    reference); if refused or failed, delete the pending row (compensation) and answer;
//! 3. confirm: `pending` → `booked` (conditional on still being pending), add the provider
//!    to the care team and enqueue the reminders, in one transaction. If the confirmation
//!    finds the row gone, release the unit and answer a conflict.
//!
//! A crash between the steps leaves a `pending` row; the sweeper (`care.sweep_pending`,
//! every minute) releases its reference — a no-op when nothing was consumed — and deletes
//! the row once it is older than the longest request could run, so the time and the unit
//! both come back. Inside a keyed request (`Idempotency-Key`) the three steps share the
//! request's single transaction and commit together with the stored response.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, DbError, Unexpected};

use super::error::BookError;
use super::model::{AppointmentId, Status, paused_until};
use super::repo::{self, AppointmentRow, Overlap};
use crate::audit::model::{Access, Action, Actor, Resource};
use crate::audit::repo as audit;
use crate::availability::model::AppointmentType;
use crate::ports::Consumption;
use crate::profiles::repo as profiles;
use crate::providers::model::{Provider, ProviderId};
use crate::providers::repo as providers;
use crate::providers::service::provider_of;
use crate::service::CareService;

/// A booking request.
#[derive(Debug, Clone, Copy)]
pub struct BookRequest {
    /// The member.
    pub member: UserId,
    /// The provider.
    pub provider_id: ProviderId,
    /// The kind of session.
    pub kind: AppointmentType,
    /// The slot's start.
    pub starts_at: NaiveDateTime,
}

/// Stored times are whole microseconds on PostgreSQL; slots are whole minutes anyway.
fn to_minute(t: DateTime<Utc>) -> Option<NaiveDateTime> {
    let t = t.naive_utc();
    (t.and_utc().timestamp() % 60 == 0 && t.and_utc().timestamp_subsec_nanos() == 0).then_some(t)
}

/// The start of a request, if it is on a whole minute.
pub fn slot_start(t: DateTime<Utc>) -> Result<NaiveDateTime, haven_platform::Invalid> {
    to_minute(t).ok_or_else(|| {
        crate::error::Problems::one("starts_at", "invalid", "Slots start on whole minutes.")
    })
}

impl CareService {
    /// Until when the member's self-booking is paused, if it is.
    pub(crate) fn pause_of(
        &self,
        conn: &mut AnyConnection,
        member: &UserId,
        now: NaiveDateTime,
    ) -> Result<Option<NaiveDateTime>, DbError> {
        let s = &self.settings;
        let window = Duration::days(i64::from(s.strike_window_days));
        let pause = Duration::days(i64::from(s.pause_days));
        let strikes = repo::strikes(conn, member, now - window - pause)?;
        Ok(paused_until(
            &strikes,
            s.strike_limit as usize,
            window,
            pause,
            now,
        ))
    }

    /// Checks everything that does not depend on the slot being free: the provider offers
    /// the kind, is licensed where the member lives and takes them, the member is not
    /// paused. Runs on `conn` (inside the booking's write).
    fn admissible(
        &self,
        conn: &mut AnyConnection,
        req: &BookRequest,
        now: NaiveDateTime,
    ) -> Result<Provider, BookError> {
        let row = providers::find(conn, &req.provider_id)?.ok_or(BookError::ProviderNotFound)?;
        let provider = provider_of(row)?;
        if provider.provider_type != req.kind.provider_type() {
            return Err(crate::error::Problems::one(
                "appointment_type",
                "not_offered",
                "This provider does not offer this kind of session.",
            )
            .into());
        }
        let profile = profiles::find(conn, &req.member)?.ok_or(BookError::ProfileRequired)?;
        if !provider.may_practise(&profile.jurisdiction(), req.starts_at.date()) {
            return Err(BookError::NotLicensed);
        }
        if !provider.accepting_new && !repo::on_team(conn, &req.member, &provider.id)? {
            return Err(BookError::NotAccepting);
        }
        if let Some(until) = self.pause_of(conn, &req.member, now)? {
            return Err(BookError::Paused {
                until: haven_platform::http::timestamp::format_utc(&until.and_utc()),
            });
        }
        Ok(provider)
    }

    /// Inserts `row` if its slot exists under the provider's current rules and neither
    /// side overlaps an active appointment (checked here on both backends; on PostgreSQL
    /// the exclusion constraints also catch a concurrent insert the check could not see).
    pub(crate) fn hold_slot(
        &self,
        conn: &mut AnyConnection,
        provider: &Provider,
        kind: AppointmentType,
        row: &AppointmentRow,
        now: NaiveDateTime,
    ) -> Result<(), BookError> {
        providers::lock(conn, &provider.id)?;
        let start = row.starts_at;
        let free = self.free_slots(
            conn,
            provider,
            kind,
            start,
            start + Duration::minutes(1),
            now,
        )?;
        if free.first() != Some(&start) {
            return Err(BookError::SlotUnavailable);
        }
        match repo::overlap(conn, row, row.rescheduled_from)? {
            Some(Overlap::Provider) => return Err(BookError::SlotUnavailable),
            Some(Overlap::Member) => return Err(BookError::MemberOverlap),
            None => {}
        }
        match repo::insert(conn, row) {
            Ok(()) => Ok(()),
            Err(e) => match repo::overlap_violation(&e) {
                Some(Overlap::Provider) => Err(BookError::SlotUnavailable),
                Some(Overlap::Member) => Err(BookError::MemberOverlap),
                // The provider's row is locked, so two inserts can only meet on the
                // member's constraint (one member booking two providers at once), where
                // PostgreSQL breaks the tie with a deadlock error.
                None if haven_platform::db::is_serialization_failure(&e) => {
                    Err(BookError::MemberOverlap)
                }
                None => Err(e.into()),
            },
        }
    }

    /// Books a slot for the member (see the module doc for the steps).
    #[tracing::instrument(skip_all, fields(user_id = %req.member, provider_id = %req.provider_id))]
    pub async fn book(&self, req: BookRequest) -> Result<AppointmentRow, BookError> {
        let benefit = req.kind.benefit();
        if !benefit.counted() {
            let allowed = self
                .benefits
                .may_use(&req.member, benefit)
                .await
                .map_err(|e| Unexpected::new("care benefits port", e))?;
            if !allowed {
                return Err(BookError::NotEntitled);
            }
        }
        let now = now_utc();
        let id = AppointmentId::new();
        let r = req.kind.ranges(req.starts_at);
        let row = AppointmentRow {
            id,
            member_id: req.member,
            provider_id: req.provider_id,
            appointment_type: req.kind.as_str().to_owned(),
            status: if benefit.counted() {
                Status::Pending
            } else {
                Status::Booked
            }
            .as_str()
            .to_owned(),
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            blocked_from: r.blocked_from,
            blocked_until: r.blocked_until,
            unit_feature: benefit.counted().then(|| benefit.feature().to_owned()),
            unit_reference: benefit.counted().then(|| id.to_string()),
            rescheduled_from: None,
            cancelled_by: None,
            cancelled_at: None,
            strike_at: None,
            created_at: now,
            updated_at: now,
        };
        // Step 1: hold the time.
        let this = self.clone();
        let held = row.clone();
        let created = Access::new(
            Actor::member(req.member),
            Some(req.member),
            Resource::Appointment,
            Some(id.to_string()),
            Action::Create,
        );
        self.db
            .write(move |conn| {
                let provider = this.admissible(conn, &req, now)?;
                this.hold_slot(conn, &provider, req.kind, &held, now)?;
                audit::record(conn, &created)?;
                if !benefit.counted() {
                    this.after_booking(conn, &held)?;
                }
                Ok::<_, BookError>(())
            })
            .await?;
        if !benefit.counted() {
            metrics::counter!("haven_care_bookings_total", "outcome" => "booked").increment(1);
            return Ok(row);
        }
        // Step 2: consume the unit, or give the time back.
        let reference = id.to_string();
        let consumed = self
            .benefits
            .consume(&req.member, benefit, &reference)
            .await;
        let refusal = match consumed {
            Ok(Consumption::Consumed) => None,
            Ok(Consumption::NotEntitled) => Some(BookError::NotEntitled),
            Ok(Consumption::Exhausted) => Some(BookError::QuotaExhausted),
            Err(e) => Some(BookError::Unexpected(Unexpected::new(
                "care benefits port",
                e,
            ))),
        };
        if let Some(refusal) = refusal {
            // Free the time; the release it enqueues covers a port failure that may have
            // consumed the unit after all (a no-op otherwise). Should this fail, the
            // sweeper abandons the row later.
            self.abandon_pending(&row)
                .await
                .map_err(|e| Unexpected::new("abandon pending booking", e))?;
            return Err(refusal);
        }
        // Step 3: confirm.
        let this = self.clone();
        let confirmed = self
            .db
            .write(move |conn| {
                let n = repo::transition(conn, &id, "pending", "booked", now_utc())?;
                if n == 1 {
                    let row = repo::find(conn, &id)?
                        .ok_or_else(|| Unexpected::invariant("confirmed appointment vanished"))?;
                    this.after_booking(conn, &row)?;
                    Ok::<_, BookError>(Some(row))
                } else {
                    Ok(None)
                }
            })
            .await;
        match confirmed {
            Ok(Some(row)) => {
                metrics::counter!("haven_care_bookings_total", "outcome" => "booked").increment(1);
                Ok(row)
            }
            Ok(None) => {
                // The sweeper took the row for abandoned (and released the unit).
                Err(BookError::SlotUnavailable)
            }
            Err(e) => {
                // Not confirmed: give the time and the unit back (or leave it to the
                // sweeper if the database is down).
                let _ = self.abandon_pending(&row).await;
                Err(e)
            }
        }
    }

    /// What a booked appointment brings along in its transaction: the provider joins the
    /// member's care team, the reminders are scheduled.
    pub(crate) fn after_booking(
        &self,
        conn: &mut AnyConnection,
        row: &AppointmentRow,
    ) -> Result<(), BookError> {
        repo::join_team(conn, &row.member_id, &row.provider_id, row.created_at)?;
        super::jobs::schedule_reminders(conn, row)?;
        Ok(())
    }

    /// Gives a unit back through the port; a failure is logged and left to the retrying
    /// job the caller enqueued (or the sweeper), never answered to the member.
    pub(crate) async fn release_unit(
        &self,
        member: &UserId,
        benefit: crate::ports::Benefit,
        reference: &str,
    ) {
        if let Err(e) = self.benefits.release(member, benefit, reference).await {
            tracing::warn!(error = %e, "releasing a care unit failed; the job retries");
        }
    }
}

impl CareService {
    /// The signed-in provider's profile id.
    pub async fn provider_me(&self, user: UserId) -> Result<ProviderId, super::error::ChangeError> {
        self.provider_of_user(user)
            .await?
            .map(|p| p.id)
            .ok_or(super::error::ChangeError::NoProfile)
    }

    /// The member's appointments in id order after `after` (the read is audited).
    pub async fn member_appointments(
        &self,
        member: UserId,
        after: Option<AppointmentId>,
        limit: i64,
    ) -> Result<Vec<AppointmentRow>, super::error::ChangeError> {
        let access = Access::new(
            Actor::member(member),
            Some(member),
            Resource::Appointment,
            None,
            Action::List,
        );
        Ok(self
            .db
            .write(move |conn| {
                audit::record(conn, &access)?;
                repo::list_member(conn, &member, after, limit).map_err(DbError::from)
            })
            .await?)
    }

    /// The provider's appointments in id order after `after`. A page spans members, so
    /// each appointment shown gets its own audit row (each member can be told who saw
    /// their appointments).
    pub async fn provider_appointments(
        &self,
        actor: Actor,
        provider: ProviderId,
        after: Option<AppointmentId>,
        limit: i64,
    ) -> Result<Vec<AppointmentRow>, super::error::ChangeError> {
        let listed = Access::new(actor, None, Resource::Appointment, None, Action::List);
        Ok(self
            .db
            .write(move |conn| {
                let rows = repo::list_provider(conn, &provider, after, limit)?;
                let accesses: Vec<Access> = rows
                    .iter()
                    .map(|r| {
                        listed
                            .clone()
                            .fresh()
                            .subject(r.member_id)
                            .resource_id(r.id)
                    })
                    .collect();
                audit::record_all(conn, &accesses)?;
                Ok::<_, DbError>(rows)
            })
            .await?)
    }

    /// The member's care team with since when.
    pub async fn care_team(
        &self,
        member: UserId,
    ) -> Result<Vec<(Provider, NaiveDateTime)>, super::error::ChangeError> {
        let rows = self
            .db
            .read_primary(move |conn| {
                let mut out = Vec::new();
                for (id, since) in repo::team(conn, &member)? {
                    if let Some(p) = providers::find(conn, &id)? {
                        out.push((p, since));
                    }
                }
                Ok::<_, DbError>(out)
            })
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for (row, since) in rows {
            out.push((provider_of(row)?, since));
        }
        Ok(out)
    }
}
