from enum import StrEnum


class CareOpenChatThreadProblemCode(StrEnum):
    ACCOUNT_DISABLED = "account_disabled"
    BAD_REQUEST = "bad_request"
    FORBIDDEN = "forbidden"
    INTERNAL = "internal"
    MFA_REQUIRED = "mfa_required"
    NOT_ENTITLED = "not_entitled"
    NOT_ON_CARE_TEAM = "not_on_care_team"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PROVIDER_NOT_FOUND = "provider_not_found"
    REQUEST_TIMEOUT = "request_timeout"
    ROLE_REVOKED = "role_revoked"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
