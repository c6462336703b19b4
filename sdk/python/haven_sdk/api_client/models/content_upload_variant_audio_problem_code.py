from enum import StrEnum


class ContentUploadVariantAudioProblemCode(StrEnum):
    ACCOUNT_DISABLED = "account_disabled"
    BAD_REQUEST = "bad_request"
    FORBIDDEN = "forbidden"
    INTERNAL = "internal"
    ITEM_ARCHIVED = "item_archived"
    MEDIA_TYPE_MISMATCH = "media_type_mismatch"
    MFA_REQUIRED = "mfa_required"
    NOT_FOUND = "not_found"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    REQUEST_TIMEOUT = "request_timeout"
    ROLE_REVOKED = "role_revoked"
    STORAGE_UNAVAILABLE = "storage_unavailable"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"
    VARIANT_MISSING = "variant_missing"

    def __str__(self) -> str:
        return str(self.value)
