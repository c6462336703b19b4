//! Schedule and slot use-cases. Slots are computed, never stored: the provider's rules,
//! exceptions and current appointments decide them at the moment they are asked for
//! (and again when one is booked).

use chrono::{Duration, NaiveDateTime};
use chrono_tz::Tz;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, DbError, Unexpected};

use super::error::AvailabilityError;
use super::model::{AppointmentType, Schedule, SlotQuery, slots};
use crate::appointments::repo as appointments;
use crate::error::Problems;
use crate::providers::model::{Provider, ProviderId};
use crate::providers::repo;
use crate::providers::service::provider_of;
use crate::service::CareService;

/// Longest window one slot request may span.
pub const MAX_WINDOW_DAYS: i64 = 31;

impl CareService {
    /// The earliest and latest bookable starts now (`care.min_notice_minutes`,
    /// `care.booking_horizon_days`).
    pub(crate) fn bookable_window(&self, now: NaiveDateTime) -> (NaiveDateTime, NaiveDateTime) {
        (
            now + Duration::minutes(i64::from(self.settings.min_notice_minutes)),
            now + Duration::days(i64::from(self.settings.booking_horizon_days)),
        )
    }

    /// The bookable starts of `provider` for `kind` in `[from, to)` (clipped to the
    /// bookable window), on `conn`: the provider's hours minus their blocked time.
    pub(crate) fn free_slots(
        &self,
        conn: &mut AnyConnection,
        provider: &Provider,
        kind: AppointmentType,
        from: NaiveDateTime,
        to: NaiveDateTime,
        now: NaiveDateTime,
    ) -> Result<Vec<NaiveDateTime>, DbError> {
        let (earliest, latest) = self.bookable_window(now);
        let (from, to) = (from.max(earliest), to.min(latest));
        if from >= to {
            return Ok(Vec::new());
        }
        let margin = Duration::days(1);
        let busy = appointments::provider_busy(conn, &provider.id, from - margin, to + margin)?;
        Ok(slots(
            &provider.schedule,
            provider.time_zone,
            SlotQuery {
                kind,
                from,
                to,
                step_min: i64::from(self.settings.slot_step_minutes),
            },
            &busy,
        ))
    }

    /// Replaces a provider's schedule.
    #[tracing::instrument(skip_all, fields(provider_id = %id))]
    pub async fn set_schedule(
        &self,
        id: ProviderId,
        schedule: Schedule,
    ) -> Result<Provider, AvailabilityError> {
        let json =
            serde_json::to_string(&schedule).map_err(|e| Unexpected::new("schedule json", e))?;
        let row = self
            .db
            .write(move |conn| {
                if repo::set_schedule(conn, &id, &json, now_utc())? == 0 {
                    return Err(AvailabilityError::ProviderNotFound);
                }
                repo::find(conn, &id)?.ok_or(AvailabilityError::ProviderNotFound)
            })
            .await?;
        Ok(provider_of(row)?)
    }

    /// The provider profile of the signed-in provider.
    pub async fn my_provider(&self, user: UserId) -> Result<Provider, AvailabilityError> {
        self.provider_of_user(user)
            .await?
            .ok_or(AvailabilityError::NoProfile)
    }

    /// The slots of a provider for `kind` in `[from, to)`, with the zone to show them
    /// in: `time_zone` if given, else the member's care-profile zone, else UTC.
    pub async fn list_slots(
        &self,
        member: UserId,
        provider_id: ProviderId,
        kind: AppointmentType,
        from: NaiveDateTime,
        to: NaiveDateTime,
        time_zone: Option<String>,
    ) -> Result<(Tz, Vec<NaiveDateTime>), AvailabilityError> {
        let mut p = Problems::default();
        if to <= from {
            p.add("to", "invalid_range", "`to` must be after `from`.");
        } else if to - from > Duration::days(MAX_WINDOW_DAYS) {
            p.add(
                "to",
                "window_too_long",
                format!("At most {MAX_WINDOW_DAYS} days."),
            );
        }
        let tz = match &time_zone {
            Some(name) => {
                let tz = crate::rules::time_zone(name);
                if tz.is_none() {
                    p.add(
                        "time_zone",
                        "unknown_time_zone",
                        "Expected an IANA time-zone name.",
                    );
                }
                tz
            }
            None => None,
        };
        p.finish()?;
        let now = now_utc();
        let this = self.clone();
        self.db
            .read(move |conn| {
                let provider =
                    repo::find(conn, &provider_id)?.ok_or(AvailabilityError::ProviderNotFound)?;
                let provider = provider_of(provider)?;
                if provider.provider_type != kind.provider_type() {
                    return Err(Problems::one(
                        "appointment_type",
                        "not_offered",
                        "This provider does not offer this kind of session.",
                    )
                    .into());
                }
                let tz = match tz {
                    Some(tz) => tz,
                    None => crate::profiles::repo::find(conn, &member)?
                        .and_then(|p| crate::rules::time_zone(&p.time_zone))
                        .unwrap_or(chrono_tz::UTC),
                };
                let slots = this.free_slots(conn, &provider, kind, from, to, now)?;
                Ok((tz, slots))
            })
            .await
    }
}
