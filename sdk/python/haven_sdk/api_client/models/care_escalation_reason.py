from enum import StrEnum


class CareEscalationReason(StrEnum):
    SELF_HARM_ITEM = "self_harm_item"
    SEVERE_TOTAL = "severe_total"

    def __str__(self) -> str:
        return str(self.value)
