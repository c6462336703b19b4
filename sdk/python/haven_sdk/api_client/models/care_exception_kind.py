from enum import StrEnum


class CareExceptionKind(StrEnum):
    DAY_OFF = "day_off"
    EXTRA_HOURS = "extra_hours"

    def __str__(self) -> str:
        return str(self.value)
