from enum import StrEnum


class BillingRedeemPromoCodeProblemCode(StrEnum):
    ACCOUNT_DISABLED = "account_disabled"
    BAD_REQUEST = "bad_request"
    FORBIDDEN = "forbidden"
    IDEMPOTENCY_KEY_INVALID = "idempotency_key_invalid"
    IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INTERNAL = "internal"
    MFA_REQUIRED = "mfa_required"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PROMO_CODE_ALREADY_REDEEMED = "promo_code_already_redeemed"
    PROMO_CODE_EXHAUSTED = "promo_code_exhausted"
    PROMO_CODE_EXPIRED = "promo_code_expired"
    PROMO_CODE_NOT_FOUND = "promo_code_not_found"
    REQUEST_TIMEOUT = "request_timeout"
    ROLE_REVOKED = "role_revoked"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"

    def __str__(self) -> str:
        return str(self.value)
