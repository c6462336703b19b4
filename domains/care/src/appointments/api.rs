//! `/v1/care/appointments…`, `/v1/care/me/appointments` (members) and
//! `/v1/care/provider/appointments…` (providers).

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::NoStore;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams, Unexpected};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{
    AppointmentDto, BookRequestDto, CancellationDto, RescheduleRequestDto, TeamMemberDto,
};
use super::error::{
    BookErrors, ChangeError, ChangeErrors, ListAppointmentsErrors, MemberChangeErrors,
    ProviderChangeErrors, ProviderListErrors,
};
use super::model::AppointmentId;
use super::policy::{Cancelled, Canceller};
use super::repo::AppointmentRow;
use super::service::{BookRequest, slot_start};
use crate::CareTag;
use crate::audit::model::Actor;
use crate::availability::api::{provider_role, slot_dto};
use crate::availability::model::AppointmentType;
use crate::service::CareService;

/// Answer with an appointment.
#[derive(ApiResponse)]
pub enum AppointmentAnswer {
    /// The appointment.
    #[oai(status = 200)]
    Ok(
        Json<AppointmentDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
    /// Booked.
    #[oai(status = 201)]
    Created(
        Json<AppointmentDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with a page of appointments.
#[derive(ApiResponse)]
pub enum AppointmentPage {
    /// One page, oldest booking first.
    #[oai(status = 200)]
    Ok(
        Json<Page<AppointmentDto>>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer of a cancellation.
#[derive(ApiResponse)]
pub enum CancelAnswer {
    /// Cancelled.
    #[oai(status = 200)]
    Ok(
        Json<CancellationDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with the care team.
#[derive(ApiResponse)]
pub enum TeamAnswer {
    /// The providers, earliest first.
    #[oai(status = 200)]
    Ok(
        Json<Vec<TeamMemberDto>>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

fn dto(service: &CareService, row: AppointmentRow) -> Result<AppointmentDto, Unexpected> {
    let url = service.video_url(&row.id);
    AppointmentDto::of(row, url)
        .ok_or_else(|| Unexpected::invariant("care_appointments row does not parse"))
}

fn cancellation(service: &CareService, c: Cancelled) -> Result<CancellationDto, Unexpected> {
    let kind = AppointmentType::parse(&c.appointment.appointment_type)
        .ok_or_else(|| Unexpected::invariant("appointment type"))?;
    let late = c.appointment.strike_at.is_some();
    Ok(CancellationDto {
        next_slots: c
            .next_slots
            .into_iter()
            .map(|s| slot_dto(s, kind, chrono_tz::UTC))
            .collect(),
        unit_released: c.unit_released,
        late,
        appointment: dto(service, c.appointment)?,
    })
}

/// Members' appointments.
pub struct AppointmentsApi {
    service: CareService,
    guard: Guard,
}

impl AppointmentsApi {
    /// Around the service and the role guard (booking, cancelling and rescheduling move
    /// benefits, so they check the live account).
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::Appointments")]
impl AppointmentsApi {
    /// Book an appointment
    ///
    /// Books a slot from `GET /v1/care/providers/{id}/slots` if it still exists under
    /// the provider's current hours and neither you nor the provider has another session
    /// then (`409 slot_unavailable`, `409 appointment_overlaps`). Coaching needs the
    /// `care.coaching` feature; therapy and psychiatry consume one unit of your plan
    /// (`403 not_entitled`, `409 quota_exhausted`). The provider must be licensed where
    /// your care profile says you live and accept new members unless already on your
    /// care team. After repeated late cancellations or no-shows, `409
    /// self_booking_paused`. The provider joins your care team.
    #[oai(
        path = "/v1/care/appointments",
        method = "post",
        operation_id = "careBookAppointment"
    )]
    async fn book(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<BookRequestDto>,
    ) -> ApiResult<AppointmentAnswer, BookErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let b = body.0;
        let row = self
            .service
            .book(BookRequest {
                member: auth.0.user_id,
                provider_id: b.provider_id,
                kind: b.appointment_type.into(),
                starts_at: slot_start(b.starts_at)?,
            })
            .await?;
        Ok(AppointmentAnswer::Created(
            Json(dto(&self.service, row)?),
            NoStore,
        ))
    }

    /// List my appointments
    ///
    /// Every appointment you booked, in booking order, whatever its status.
    #[oai(
        path = "/v1/care/me/appointments",
        method = "get",
        operation_id = "careListMyAppointments"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<AppointmentPage, ListAppointmentsErrors> {
        let params =
            PageParams::<AppointmentId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .member_appointments(auth.0.user_id, params.after, params.fetch_limit())
            .await?;
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            items.push((row.id, dto(&self.service, row).map_err(ChangeError::from)?));
        }
        let page = Page::from_rows(items, params.limit, |(id, _)| id.to_string(), |(_, d)| d);
        Ok(AppointmentPage::Ok(Json(page), NoStore))
    }

    /// Read an appointment
    ///
    /// Yours only (another member's is `404`).
    #[oai(
        path = "/v1/care/appointments/:appointment_id",
        method = "get",
        operation_id = "careGetAppointment"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The appointment.
        appointment_id: Path<AppointmentId>,
    ) -> ApiResult<AppointmentAnswer, ChangeErrors> {
        let row = self
            .service
            .member_appointment(auth.0.user_id, appointment_id.0)
            .await?;
        Ok(AppointmentAnswer::Ok(
            Json(dto(&self.service, row).map_err(ChangeError::from)?),
            NoStore,
        ))
    }

    /// Cancel an appointment
    ///
    /// Free until `care.free_cancel_hours` (24 by default) before the start: the session
    /// goes back to your plan (`unit_released`). Later it is a late cancellation: the
    /// session stays used and it counts against you (`late`); three late cancellations
    /// or no-shows within 90 days pause booking yourself for 30 days. A started
    /// appointment cannot be cancelled (`409 appointment_started`).
    #[oai(
        path = "/v1/care/appointments/:appointment_id/cancel",
        method = "post",
        operation_id = "careCancelAppointment"
    )]
    async fn cancel(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The appointment.
        appointment_id: Path<AppointmentId>,
    ) -> ApiResult<CancelAnswer, MemberChangeErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let c = self
            .service
            .cancel(
                Canceller::Member(auth.0.user_id),
                Actor::member(auth.0.user_id),
                appointment_id.0,
            )
            .await?;
        Ok(CancelAnswer::Ok(
            Json(cancellation(&self.service, c).map_err(ChangeError::from)?),
            NoStore,
        ))
    }

    /// Reschedule an appointment
    ///
    /// Moves it to another slot of the same provider and kind, in one step: if the new
    /// slot is taken, the old appointment stays as it was. The old one becomes
    /// `rescheduled` and the answer is the new one (`rescheduled_from` names the old);
    /// the session already paid for pays for the new one. Only until
    /// `care.free_cancel_hours` before the start (`409 reschedule_window_closed`).
    #[oai(
        path = "/v1/care/appointments/:appointment_id/reschedule",
        method = "post",
        operation_id = "careRescheduleAppointment"
    )]
    async fn reschedule(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The appointment.
        appointment_id: Path<AppointmentId>,
        body: Json<RescheduleRequestDto>,
    ) -> ApiResult<AppointmentAnswer, MemberChangeErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let start = slot_start(body.0.starts_at).map_err(ChangeError::from)?;
        let row = self
            .service
            .reschedule(auth.0.user_id, appointment_id.0, start)
            .await?;
        Ok(AppointmentAnswer::Created(
            Json(dto(&self.service, row).map_err(ChangeError::from)?),
            NoStore,
        ))
    }

    /// List my care team
    ///
    /// The providers you have booked with (they may read your clinical record).
    #[oai(
        path = "/v1/care/me/care-team",
        method = "get",
        operation_id = "careListMyCareTeam"
    )]
    async fn team(&self, auth: BearerAuth) -> ApiResult<TeamAnswer, ChangeErrors> {
        let team = self.service.care_team(auth.0.user_id).await?;
        let items = team
            .into_iter()
            .map(|(p, since)| TeamMemberDto {
                provider_id: p.id,
                display_name: p.display_name,
                provider_type: p.provider_type.into(),
                since: since.into(),
            })
            .collect();
        Ok(TeamAnswer::Ok(Json(items), NoStore))
    }
}

/// A provider's own appointments.
pub struct ProviderAppointmentsApi {
    service: CareService,
    guard: Guard,
}

impl ProviderAppointmentsApi {
    /// Around the service.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::ProviderAppointments")]
impl ProviderAppointmentsApi {
    /// List my appointments as a provider
    ///
    /// Providers only (role `coach` or `clinician`, with a provider profile); in
    /// booking order.
    #[oai(
        path = "/v1/care/provider/appointments",
        method = "get",
        operation_id = "careListProviderAppointments"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<AppointmentPage, ProviderListErrors> {
        self.guard
            .require_role(&auth.0, provider_role(&auth.0))
            .await?;
        let params =
            PageParams::<AppointmentId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let me = self.service.provider_me(auth.0.user_id).await?;
        let rows = self
            .service
            .provider_appointments(
                Actor::new(&auth.0, provider_role(&auth.0)),
                me,
                params.after,
                params.fetch_limit(),
            )
            .await?;
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            items.push((row.id, dto(&self.service, row).map_err(ChangeError::from)?));
        }
        let page = Page::from_rows(items, params.limit, |(id, _)| id.to_string(), |(_, d)| d);
        Ok(AppointmentPage::Ok(Json(page), NoStore))
    }

    /// Cancel an appointment as its provider
    ///
    /// Providers only. Always gives the member's session back, emails the member and
    /// answers your next free slots of the same kind (`next_slots`) to offer them.
    #[oai(
        path = "/v1/care/provider/appointments/:appointment_id/cancel",
        method = "post",
        operation_id = "careProviderCancelAppointment"
    )]
    async fn cancel(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The appointment.
        appointment_id: Path<AppointmentId>,
    ) -> ApiResult<CancelAnswer, ProviderChangeErrors> {
        self.guard
            .require_role(&auth.0, provider_role(&auth.0))
            .await?;
        let me = self.service.provider_me(auth.0.user_id).await?;
        let c = self
            .service
            .cancel(
                Canceller::Provider(me),
                Actor::new(&auth.0, provider_role(&auth.0)),
                appointment_id.0,
            )
            .await?;
        Ok(CancelAnswer::Ok(
            Json(cancellation(&self.service, c).map_err(ChangeError::from)?),
            NoStore,
        ))
    }

    /// Mark a no-show
    ///
    /// Providers only, once the appointment has started: the member did not come. The
    /// session stays used and it counts against the member.
    #[oai(
        path = "/v1/care/provider/appointments/:appointment_id/no-show",
        method = "post",
        operation_id = "careMarkNoShow"
    )]
    async fn no_show(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The appointment.
        appointment_id: Path<AppointmentId>,
    ) -> ApiResult<AppointmentAnswer, ProviderChangeErrors> {
        self.guard
            .require_role(&auth.0, provider_role(&auth.0))
            .await?;
        let me = self.service.provider_me(auth.0.user_id).await?;
        let actor = Actor::new(&auth.0, provider_role(&auth.0));
        let row = self
            .service
            .mark_no_show(me, actor, appointment_id.0)
            .await?;
        Ok(AppointmentAnswer::Ok(
            Json(dto(&self.service, row).map_err(ChangeError::from)?),
            NoStore,
        ))
    }
}
