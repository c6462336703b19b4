from enum import StrEnum


class IdentityJoinOrganizationProblemCode(StrEnum):
    ALREADY_MEMBER = "already_member"
    BAD_REQUEST = "bad_request"
    EMAIL_NOT_VERIFIED = "email_not_verified"
    EMPLOYEE_ID_CLAIMED = "employee_id_claimed"
    IDEMPOTENCY_KEY_INVALID = "idempotency_key_invalid"
    IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INTERNAL = "internal"
    NOT_ELIGIBLE = "not_eligible"
    NOT_FOUND = "not_found"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    RATE_LIMITED = "rate_limited"
    REQUEST_TIMEOUT = "request_timeout"
    SEATS_FULL = "seats_full"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
