from enum import StrEnum


class BillingSubscriptionStatus(StrEnum):
    ACTIVE = "active"
    CANCELED = "canceled"
    EXPIRED = "expired"
    PAST_DUE = "past_due"
    PAUSED = "paused"
    REFUNDED = "refunded"
    REVOKED = "revoked"
    TRIALING = "trialing"

    def __str__(self) -> str:
        return str(self.value)
