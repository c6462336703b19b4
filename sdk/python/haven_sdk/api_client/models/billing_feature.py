from enum import StrEnum


class BillingFeature(StrEnum):
    CARE_COACHING = "care.coaching"
    CARE_PSYCHIATRY = "care.psychiatry"
    CARE_THERAPY = "care.therapy"
    CONTENT_PREMIUM = "content.premium"

    def __str__(self) -> str:
        return str(self.value)
