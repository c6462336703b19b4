from enum import StrEnum


class BillingPortalProblemCode(StrEnum):
    ACCOUNT_DISABLED = "account_disabled"
    BAD_REQUEST = "bad_request"
    FORBIDDEN = "forbidden"
    INTERNAL = "internal"
    MFA_REQUIRED = "mfa_required"
    NO_BILLING_ACCOUNT = "no_billing_account"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PAYMENT_PROVIDER_UNAVAILABLE = "payment_provider_unavailable"
    REQUEST_TIMEOUT = "request_timeout"
    ROLE_REVOKED = "role_revoked"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"

    def __str__(self) -> str:
        return str(self.value)
