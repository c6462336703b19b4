//! Wire types of appointments.

use chrono::{DateTime, Utc};
use haven_platform::http::timestamp::Timestamp;
use haven_platform::ids::UserId;
use poem_openapi::{Enum, Object};

use super::model::{AppointmentId, Status};
use super::repo::AppointmentRow;
use crate::availability::dto::{AppointmentTypeDto, SlotDto};
use crate::availability::model::AppointmentType;
use crate::providers::model::ProviderId;

/// Where an appointment stands (new values may be added).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareAppointmentStatus", rename_all = "snake_case")]
pub enum StatusDto {
    /// Being booked (seconds).
    Pending,
    /// Booked.
    Booked,
    /// Cancelled (`cancelled_by` says who).
    Cancelled,
    /// Moved; the new appointment names this one in `rescheduled_from`.
    Rescheduled,
    /// The member did not come.
    NoShow,
}

impl From<Status> for StatusDto {
    fn from(s: Status) -> Self {
        match s {
            Status::Pending => Self::Pending,
            Status::Booked => Self::Booked,
            Status::Cancelled => Self::Cancelled,
            Status::Rescheduled => Self::Rescheduled,
            Status::NoShow => Self::NoShow,
        }
    }
}

/// Who cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareCanceller", rename_all = "snake_case")]
pub enum CancellerDto {
    /// The member.
    Member,
    /// The provider.
    Provider,
}

/// Body of `POST /v1/care/appointments`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareBookRequest", deny_unknown_fields)]
pub struct BookRequestDto {
    /// The provider.
    pub provider_id: ProviderId,
    /// The kind of session; the provider must offer it.
    pub appointment_type: AppointmentTypeDto,
    /// A slot's `starts_at` from `GET /v1/care/providers/{id}/slots`.
    pub starts_at: DateTime<Utc>,
}

/// Body of `POST /v1/care/appointments/{id}/reschedule`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareRescheduleRequest", deny_unknown_fields)]
pub struct RescheduleRequestDto {
    /// A slot's `starts_at` of the same provider and kind.
    pub starts_at: DateTime<Utc>,
}

/// An appointment (health data).
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareAppointment")]
pub struct AppointmentDto {
    /// The appointment.
    pub id: AppointmentId,
    /// The member.
    pub member_id: UserId,
    /// The provider.
    pub provider_id: ProviderId,
    /// The kind of session.
    pub appointment_type: AppointmentTypeDto,
    /// Where it stands.
    pub status: StatusDto,
    /// Start (UTC).
    pub starts_at: Timestamp,
    /// End (UTC).
    pub ends_at: Timestamp,
    /// The video join link.
    pub video_url: String,
    /// Who cancelled, if cancelled.
    pub cancelled_by: Option<CancellerDto>,
    /// When cancelled.
    pub cancelled_at: Option<Timestamp>,
    /// Whether it counted against the member (a late cancellation or a no-show).
    pub strike: bool,
    /// The appointment this one replaced.
    pub rescheduled_from: Option<AppointmentId>,
    /// Booked.
    pub created_at: Timestamp,
}

impl AppointmentDto {
    /// The wire form of a row, or `None` if a stored name does not parse (a bug).
    pub fn of(r: AppointmentRow, video_url: String) -> Option<Self> {
        Some(Self {
            id: r.id,
            member_id: r.member_id,
            provider_id: r.provider_id,
            appointment_type: AppointmentType::parse(&r.appointment_type)?.into(),
            status: Status::parse(&r.status)?.into(),
            starts_at: r.starts_at.into(),
            ends_at: r.ends_at.into(),
            video_url,
            cancelled_by: match r.cancelled_by.as_deref() {
                None => None,
                Some("member") => Some(CancellerDto::Member),
                Some("provider") => Some(CancellerDto::Provider),
                Some(_) => return None,
            },
            cancelled_at: r.cancelled_at.map(Into::into),
            strike: r.strike_at.is_some(),
            rescheduled_from: r.rescheduled_from,
            created_at: r.created_at.into(),
        })
    }
}

/// What a cancellation did.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareCancellation")]
pub struct CancellationDto {
    /// The appointment after it.
    pub appointment: AppointmentDto,
    /// Whether the session's unit was given back (a timely or provider cancel).
    pub unit_released: bool,
    /// Whether it was late (it counts against the member).
    pub late: bool,
    /// The provider's next free slots of the same kind (provider cancels; else empty).
    pub next_slots: Vec<SlotDto>,
}

/// A provider on the member's care team.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareTeamMember")]
pub struct TeamMemberDto {
    /// The provider.
    pub provider_id: ProviderId,
    /// Name.
    pub display_name: String,
    /// The kind of care.
    pub provider_type: crate::providers::dto::ProviderTypeDto,
    /// Since the first booking.
    pub since: Timestamp,
}
