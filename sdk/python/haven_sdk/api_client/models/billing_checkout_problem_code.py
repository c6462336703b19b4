from enum import StrEnum


class BillingCheckoutProblemCode(StrEnum):
    ACCOUNT_DISABLED = "account_disabled"
    BAD_REQUEST = "bad_request"
    FORBIDDEN = "forbidden"
    IDEMPOTENCY_KEY_INVALID = "idempotency_key_invalid"
    IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INTERNAL = "internal"
    MFA_REQUIRED = "mfa_required"
    NOT_FOUND = "not_found"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PAYMENT_PROVIDER_UNAVAILABLE = "payment_provider_unavailable"
    PRICE_NOT_PURCHASABLE = "price_not_purchasable"
    REQUEST_TIMEOUT = "request_timeout"
    ROLE_REVOKED = "role_revoked"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"

    def __str__(self) -> str:
        return str(self.value)
