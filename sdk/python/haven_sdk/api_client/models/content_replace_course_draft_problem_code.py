from enum import StrEnum


class ContentReplaceCourseDraftProblemCode(StrEnum):
    ACCOUNT_DISABLED = "account_disabled"
    BAD_REQUEST = "bad_request"
    COURSE_ARCHIVED = "course_archived"
    DEFAULT_LOCALE_MISSING = "default_locale_missing"
    FORBIDDEN = "forbidden"
    INTERNAL = "internal"
    MFA_REQUIRED = "mfa_required"
    NOT_FOUND = "not_found"
    NOT_PUBLISHED = "not_published"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PRECONDITION_FAILED = "precondition_failed"
    PRECONDITION_REQUIRED = "precondition_required"
    REQUEST_TIMEOUT = "request_timeout"
    ROLE_REVOKED = "role_revoked"
    SESSIONS_NOT_PUBLISHED = "sessions_not_published"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
