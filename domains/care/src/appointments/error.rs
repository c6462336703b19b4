//! Errors of appointments.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};
use haven_platform::{db_errors, fault_errors};
use poem::http::StatusCode;

use crate::error::problem;
use crate::providers::error::{PROVIDER_NOT_FOUND, provider_not_found};

error_set!(
    /// `POST /v1/care/appointments`: 401, 403 `not_entitled` (and the guard's live-account
    /// refusals), 404, 409 (`slot_unavailable`, `appointment_overlaps`, `quota_exhausted`,
    /// `self_booking_paused`, `care_profile_required`, `provider_not_licensed`,
    /// `provider_not_accepting`), 422.
    pub BookErrors: BookError; guarded
);
error_set!(
    /// Member and provider operations on one appointment: 401, 403, 404, 409, 422.
    pub ChangeErrors: ChangeError
);
error_set!(
    /// A member's cancel and reschedule: they release or consume benefits, so the live
    /// account is checked first (the guard), as for booking.
    pub MemberChangeErrors: ChangeError; guarded
);
error_set!(
    /// Provider operations on one appointment (the role guard first).
    pub ProviderChangeErrors: ChangeError; guarded
);
error_set!(
    /// Lists of appointments: 400, 401, 422.
    pub ListAppointmentsErrors: Invalid, ChangeError
);
error_set!(
    /// The provider's list of appointments (the role guard first).
    pub ProviderListErrors: Invalid, ChangeError; guarded
);

/// Booking (or rescheduling to) a slot.
#[derive(Debug, thiserror::Error)]
pub enum BookError {
    /// No such provider.
    #[error("provider not found")]
    ProviderNotFound,
    /// The member has no care profile (where they live decides licensing).
    #[error("care profile required")]
    ProfileRequired,
    /// The provider has no valid license where the member lives.
    #[error("provider not licensed")]
    NotLicensed,
    /// The provider takes no new members and the member is not on their team.
    #[error("provider not accepting")]
    NotAccepting,
    /// Three strikes: self-booking is paused.
    #[error("self-booking paused")]
    Paused {
        /// Until when (RFC 3339).
        until: String,
    },
    /// The member's plan does not include the benefit.
    #[error("not entitled")]
    NotEntitled,
    /// Every unit of the benefit year is used.
    #[error("quota exhausted")]
    QuotaExhausted,
    /// The slot does not exist under the current rules or is taken.
    #[error("slot unavailable")]
    SlotUnavailable,
    /// The member has another session at that time.
    #[error("appointment overlaps")]
    MemberOverlap,
    /// Invalid fields.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for BookError {
    const CODES: &'static [Code] = &[
        PROVIDER_NOT_FOUND,
        (403, "not_entitled"),
        (409, "care_profile_required"),
        (409, "provider_not_licensed"),
        (409, "provider_not_accepting"),
        (409, "self_booking_paused"),
        (409, "quota_exhausted"),
        (409, "slot_unavailable"),
        (409, "appointment_overlaps"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        let conflict = |code, detail| problem(StatusCode::CONFLICT, code, detail);
        match self {
            Self::ProviderNotFound => provider_not_found(),
            Self::ProfileRequired => conflict(
                "care_profile_required",
                "Set your care profile (where you live) before booking.",
            ),
            Self::NotLicensed => conflict(
                "provider_not_licensed",
                "This provider has no valid license where you live.",
            ),
            Self::NotAccepting => conflict(
                "provider_not_accepting",
                "This provider is not accepting new members.",
            ),
            Self::Paused { until } => conflict(
                "self_booking_paused",
                &format!(
                    "After repeated late cancellations or missed sessions, booking yourself is \
                     paused until {until}; your care team can still book for you."
                ),
            ),
            Self::NotEntitled => problem(
                StatusCode::FORBIDDEN,
                "not_entitled",
                "Your plan does not include this kind of session.",
            ),
            Self::QuotaExhausted => conflict(
                "quota_exhausted",
                "Every session of your plan for this benefit year is used.",
            ),
            Self::SlotUnavailable => conflict(
                "slot_unavailable",
                "This time is no longer available; pick another slot.",
            ),
            Self::MemberOverlap => conflict(
                "appointment_overlaps",
                "You have another session at this time.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Reading, cancelling, rescheduling or marking an appointment.
#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    /// No such appointment (or not the caller's).
    #[error("appointment not found")]
    NotFound,
    /// The caller has no provider profile.
    #[error("no provider profile")]
    NoProfile,
    /// The appointment is not booked (cancelled, moved, missed).
    #[error("appointment not active")]
    NotActive,
    /// Too late to reschedule for free: cancel (late) instead.
    #[error("reschedule window closed")]
    WindowClosed,
    /// Starts in the past: it can be marked, not cancelled.
    #[error("appointment started")]
    Started,
    /// Not started yet: it cannot be a no-show.
    #[error("appointment not started")]
    NotStarted,
    /// The new slot could not be booked (the old one is kept).
    #[error(transparent)]
    Book(#[from] BookError),
    /// Invalid fields.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for ChangeError {
    const CODES: &'static [Code] = &[
        (404, "appointment_not_found"),
        (404, "provider_profile_not_found"),
        (409, "appointment_not_active"),
        (409, "reschedule_window_closed"),
        (409, "appointment_started"),
        (409, "appointment_not_started"),
        PROVIDER_NOT_FOUND,
        (403, "not_entitled"),
        (409, "care_profile_required"),
        (409, "provider_not_licensed"),
        (409, "provider_not_accepting"),
        (409, "self_booking_paused"),
        (409, "quota_exhausted"),
        (409, "slot_unavailable"),
        (409, "appointment_overlaps"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        let conflict = |code, detail| problem(StatusCode::CONFLICT, code, detail);
        match self {
            Self::NotFound => problem(
                StatusCode::NOT_FOUND,
                "appointment_not_found",
                "There is no such appointment.",
            ),
            Self::NoProfile => problem(
                StatusCode::NOT_FOUND,
                "provider_profile_not_found",
                "Your account has no provider profile.",
            ),
            Self::NotActive => conflict(
                "appointment_not_active",
                "This appointment is no longer booked.",
            ),
            Self::WindowClosed => conflict(
                "reschedule_window_closed",
                "It is too late to reschedule for free; you can still cancel.",
            ),
            Self::Started => conflict("appointment_started", "This appointment has started."),
            Self::NotStarted => conflict(
                "appointment_not_started",
                "This appointment has not started yet.",
            ),
            Self::Book(e) => e.into_problem(),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(BookError, ChangeError);
fault_errors!(BookError, ChangeError);
