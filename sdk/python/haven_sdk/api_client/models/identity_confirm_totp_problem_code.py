from enum import StrEnum


class IdentityConfirmTotpProblemCode(StrEnum):
    BAD_REQUEST = "bad_request"
    INTERNAL = "internal"
    INVALID_MFA_CODE = "invalid_mfa_code"
    MFA_NOT_ENABLED = "mfa_not_enabled"
    MFA_NOT_PENDING = "mfa_not_pending"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    REQUEST_TIMEOUT = "request_timeout"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
