from enum import StrEnum


class CareTrendDirection(StrEnum):
    IMPROVING = "improving"
    NOT_ENOUGH_DATA = "not_enough_data"
    STABLE = "stable"
    WORSENING = "worsening"

    def __str__(self) -> str:
        return str(self.value)
