from enum import StrEnum


class ContentPlaybackRefusal(StrEnum):
    TOO_FAR_IN_FUTURE = "too_far_in_future"
    UNKNOWN_ITEM = "unknown_item"

    def __str__(self) -> str:
        return str(self.value)
