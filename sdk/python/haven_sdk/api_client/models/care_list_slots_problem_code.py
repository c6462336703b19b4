from enum import StrEnum


class CareListSlotsProblemCode(StrEnum):
    BAD_REQUEST = "bad_request"
    INTERNAL = "internal"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PROVIDER_NOT_FOUND = "provider_not_found"
    PROVIDER_PROFILE_NOT_FOUND = "provider_profile_not_found"
    REQUEST_TIMEOUT = "request_timeout"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
