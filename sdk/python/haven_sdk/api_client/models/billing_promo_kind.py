from enum import StrEnum


class BillingPromoKind(StrEnum):
    AMOUNT_OFF = "amount_off"
    FREE_PERIOD = "free_period"
    PERCENT_OFF = "percent_off"

    def __str__(self) -> str:
        return str(self.value)
