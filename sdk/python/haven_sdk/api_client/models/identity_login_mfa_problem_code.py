from enum import StrEnum


class IdentityLoginMfaProblemCode(StrEnum):
    BAD_REQUEST = "bad_request"
    INTERNAL = "internal"
    INVALID_MFA_CODE = "invalid_mfa_code"
    INVALID_MFA_TOKEN = "invalid_mfa_token"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    RATE_LIMITED = "rate_limited"
    REQUEST_TIMEOUT = "request_timeout"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
