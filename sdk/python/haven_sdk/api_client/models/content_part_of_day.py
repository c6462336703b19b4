from enum import StrEnum


class ContentPartOfDay(StrEnum):
    AFTERNOON = "afternoon"
    EVENING = "evening"
    MORNING = "morning"
    NIGHT = "night"

    def __str__(self) -> str:
        return str(self.value)
