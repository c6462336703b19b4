from enum import StrEnum


class CareListMyAppointmentsProblemCode(StrEnum):
    APPOINTMENT_NOT_ACTIVE = "appointment_not_active"
    APPOINTMENT_NOT_FOUND = "appointment_not_found"
    APPOINTMENT_NOT_STARTED = "appointment_not_started"
    APPOINTMENT_OVERLAPS = "appointment_overlaps"
    APPOINTMENT_STARTED = "appointment_started"
    BAD_REQUEST = "bad_request"
    CARE_PROFILE_REQUIRED = "care_profile_required"
    INTERNAL = "internal"
    NOT_ENTITLED = "not_entitled"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PROVIDER_NOT_ACCEPTING = "provider_not_accepting"
    PROVIDER_NOT_FOUND = "provider_not_found"
    PROVIDER_NOT_LICENSED = "provider_not_licensed"
    PROVIDER_PROFILE_NOT_FOUND = "provider_profile_not_found"
    QUOTA_EXHAUSTED = "quota_exhausted"
    REQUEST_TIMEOUT = "request_timeout"
    RESCHEDULE_WINDOW_CLOSED = "reschedule_window_closed"
    SELF_BOOKING_PAUSED = "self_booking_paused"
    SLOT_UNAVAILABLE = "slot_unavailable"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
