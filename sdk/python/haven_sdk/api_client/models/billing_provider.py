from enum import StrEnum


class BillingProvider(StrEnum):
    APP_STORE = "app_store"
    PLAY = "play"
    STRIPE = "stripe"

    def __str__(self) -> str:
        return str(self.value)
