from enum import StrEnum


class CareInstrument(StrEnum):
    GAD7 = "gad7"
    PHQ9 = "phq9"

    def __str__(self) -> str:
        return str(self.value)
