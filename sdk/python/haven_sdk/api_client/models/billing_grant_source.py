from enum import StrEnum


class BillingGrantSource(StrEnum):
    ADMIN = "admin"
    APP_STORE = "app_store"
    EMPLOYER = "employer"
    PLAY = "play"
    PROMO = "promo"
    STRIPE = "stripe"

    def __str__(self) -> str:
        return str(self.value)
