from enum import StrEnum


class BillingMyStoreAccountProblemCode(StrEnum):
    BAD_REQUEST = "bad_request"
    INTERNAL = "internal"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    REQUEST_TIMEOUT = "request_timeout"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"

    def __str__(self) -> str:
        return str(self.value)
