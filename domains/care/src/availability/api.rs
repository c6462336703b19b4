//! `/v1/care/provider/schedule` (the provider), `/v1/care/admin/providers/{id}/schedule`
//! (admins) and `/v1/care/providers/{id}/slots` (members).

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use haven_platform::ApiResult;
use haven_platform::auth::{BearerAuth, Guard, Principal, Role};
use haven_platform::http::cache::Private;
use haven_platform::http::text::Text;
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{AppointmentTypeDto, ProviderScheduleDto, ScheduleDto, SlotDto, SlotsDto};
use super::error::{ScheduleErrors, SlotsErrors};
use super::model::{AppointmentType, utc};
use crate::CareTag;
use crate::error::Problems;
use crate::providers::model::{Provider, ProviderId};
use crate::rules::TimeZoneName;
use crate::service::CareService;

/// Answer with a provider's schedule.
#[derive(ApiResponse)]
pub enum ScheduleAnswer {
    /// The schedule.
    #[oai(status = 200)]
    Ok(
        Json<ProviderScheduleDto>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with slots.
#[derive(ApiResponse)]
pub enum SlotsAnswer {
    /// Bookable starts.
    #[oai(status = 200)]
    Ok(
        Json<SlotsDto>,
        /// `private`: computed for the member.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

fn answer(p: &Provider) -> ScheduleAnswer {
    ScheduleAnswer::Ok(
        Json(ProviderScheduleDto {
            time_zone: p.time_zone.name().to_owned(),
            schedule: ScheduleDto::of(&p.schedule),
        }),
        Private,
    )
}

/// The slot of a start in the member's zone.
pub fn slot_dto(start: chrono::NaiveDateTime, kind: AppointmentType, tz: Tz) -> SlotDto {
    let end = start + Duration::minutes(kind.duration_min());
    SlotDto {
        starts_at: Timestamp(utc(start)),
        ends_at: Timestamp(utc(end)),
        local_start: utc(start).with_timezone(&tz).to_rfc3339(),
        local_end: utc(end).with_timezone(&tz).to_rfc3339(),
    }
}

/// The role a provider's operations are guarded with: clinicians sign in with a second
/// factor, coaches without, and the guard checks the role is still held.
pub(crate) fn provider_role(p: &Principal) -> Role {
    if p.roles.contains(&Role::Clinician) {
        Role::Clinician
    } else {
        Role::Coach
    }
}

/// Hours and slots.
pub struct AvailabilityApi {
    service: CareService,
    guard: Guard,
}

impl AvailabilityApi {
    /// Around the service.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::Availability")]
impl AvailabilityApi {
    /// Set my hours
    ///
    /// Providers only (role `coach` or `clinician`, with a provider profile). Weekly
    /// rules and date exceptions in the provider's own zone; slots follow DST changes
    /// of that zone. Replaces the whole schedule; booked appointments stay.
    #[oai(
        path = "/v1/care/provider/schedule",
        method = "put",
        operation_id = "careSetMySchedule"
    )]
    async fn set_mine(
        &self,
        auth: BearerAuth,
        body: Json<ScheduleDto>,
    ) -> ApiResult<ScheduleAnswer, ScheduleErrors> {
        self.guard
            .require_role(&auth.0, provider_role(&auth.0))
            .await?;
        let me = self.service.my_provider(auth.0.user_id).await?;
        let mut p = Problems::default();
        let schedule = body.0.parse(&mut p);
        p.finish().map_err(super::error::AvailabilityError::from)?;
        let provider = self.service.set_schedule(me.id, schedule).await?;
        Ok(answer(&provider))
    }

    /// Read my hours
    ///
    /// Providers only.
    #[oai(
        path = "/v1/care/provider/schedule",
        method = "get",
        operation_id = "careGetMySchedule"
    )]
    async fn get_mine(&self, auth: BearerAuth) -> ApiResult<ScheduleAnswer, ScheduleErrors> {
        self.guard
            .require_role(&auth.0, provider_role(&auth.0))
            .await?;
        let me = self.service.my_provider(auth.0.user_id).await?;
        Ok(answer(&me))
    }

    /// Set a provider's hours
    ///
    /// Admins only (role `admin`, second factor). As `PUT /v1/care/provider/schedule`.
    #[oai(
        path = "/v1/care/admin/providers/:provider_id/schedule",
        method = "put",
        operation_id = "careSetProviderSchedule"
    )]
    async fn set_for(
        &self,
        auth: BearerAuth,
        /// The provider.
        provider_id: Path<ProviderId>,
        body: Json<ScheduleDto>,
    ) -> ApiResult<ScheduleAnswer, ScheduleErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let mut p = Problems::default();
        let schedule = body.0.parse(&mut p);
        p.finish().map_err(super::error::AvailabilityError::from)?;
        let provider = self.service.set_schedule(provider_id.0, schedule).await?;
        Ok(answer(&provider))
    }

    /// List a provider's slots
    ///
    /// Bookable starts of one kind of session in `[from, to)` (at most 31 days), from
    /// the provider's hours in their zone minus their booked time and buffers, no
    /// sooner than the minimum notice and no later than the booking horizon. Shown in
    /// `time_zone` (else the zone of your care profile, else UTC), across DST changes
    /// of either zone.
    #[oai(
        path = "/v1/care/providers/:provider_id/slots",
        method = "get",
        operation_id = "careListSlots"
    )]
    async fn slots(
        &self,
        auth: BearerAuth,
        /// The provider.
        provider_id: Path<ProviderId>,
        /// The kind of session; the provider must offer it.
        appointment_type: Query<AppointmentTypeDto>,
        /// Window start (RFC 3339).
        from: Query<DateTime<Utc>>,
        /// Window end (RFC 3339), after `from`, at most 31 days later.
        to: Query<DateTime<Utc>>,
        /// IANA zone to show the slots in; it must exist.
        time_zone: Query<Option<Text<TimeZoneName>>>,
    ) -> ApiResult<SlotsAnswer, SlotsErrors> {
        let kind: AppointmentType = appointment_type.0.into();
        let (tz, starts) = self
            .service
            .list_slots(
                auth.0.user_id,
                provider_id.0,
                kind,
                from.0.naive_utc(),
                to.0.naive_utc(),
                time_zone.0.map(Into::into),
            )
            .await?;
        Ok(SlotsAnswer::Ok(
            Json(SlotsDto {
                appointment_type: kind.into(),
                time_zone: tz.name().to_owned(),
                slots: starts.into_iter().map(|s| slot_dto(s, kind, tz)).collect(),
            }),
            Private,
        ))
    }
}
