from enum import StrEnum


class CareBookAppointmentProblemCode(StrEnum):
    ACCOUNT_DISABLED = "account_disabled"
    APPOINTMENT_OVERLAPS = "appointment_overlaps"
    BAD_REQUEST = "bad_request"
    CARE_PROFILE_REQUIRED = "care_profile_required"
    FORBIDDEN = "forbidden"
    IDEMPOTENCY_KEY_INVALID = "idempotency_key_invalid"
    IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INTERNAL = "internal"
    MFA_REQUIRED = "mfa_required"
    NOT_ENTITLED = "not_entitled"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PROVIDER_NOT_ACCEPTING = "provider_not_accepting"
    PROVIDER_NOT_FOUND = "provider_not_found"
    PROVIDER_NOT_LICENSED = "provider_not_licensed"
    QUOTA_EXHAUSTED = "quota_exhausted"
    REQUEST_TIMEOUT = "request_timeout"
    ROLE_REVOKED = "role_revoked"
    SELF_BOOKING_PAUSED = "self_booking_paused"
    SLOT_UNAVAILABLE = "slot_unavailable"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
