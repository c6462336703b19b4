from enum import StrEnum


class ContentPlaybackEventType(StrEnum):
    COMPLETED = "completed"
    PROGRESS = "progress"
    STARTED = "started"

    def __str__(self) -> str:
        return str(self.value)
