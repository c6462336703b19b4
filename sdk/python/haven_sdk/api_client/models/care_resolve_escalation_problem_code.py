from enum import StrEnum


class CareResolveEscalationProblemCode(StrEnum):
    ACCOUNT_DISABLED = "account_disabled"
    BAD_REQUEST = "bad_request"
    ESCALATION_NOT_ACKNOWLEDGED = "escalation_not_acknowledged"
    ESCALATION_NOT_FOUND = "escalation_not_found"
    ESCALATION_RESOLVED = "escalation_resolved"
    FORBIDDEN = "forbidden"
    IDEMPOTENCY_KEY_INVALID = "idempotency_key_invalid"
    IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INTERNAL = "internal"
    MFA_REQUIRED = "mfa_required"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PROVIDER_PROFILE_NOT_FOUND = "provider_profile_not_found"
    REQUEST_TIMEOUT = "request_timeout"
    ROLE_REVOKED = "role_revoked"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
