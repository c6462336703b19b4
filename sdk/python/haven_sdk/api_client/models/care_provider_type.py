from enum import StrEnum


class CareProviderType(StrEnum):
    COACH = "coach"
    PSYCHIATRIST = "psychiatrist"
    THERAPIST = "therapist"

    def __str__(self) -> str:
        return str(self.value)
