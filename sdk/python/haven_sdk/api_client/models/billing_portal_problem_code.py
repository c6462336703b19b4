from enum import StrEnum


class BillingPortalProblemCode(StrEnum):
    BAD_REQUEST = "bad_request"
    INTERNAL = "internal"
    NO_BILLING_ACCOUNT = "no_billing_account"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PAYMENT_PROVIDER_UNAVAILABLE = "payment_provider_unavailable"
    REQUEST_TIMEOUT = "request_timeout"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"

    def __str__(self) -> str:
        return str(self.value)
