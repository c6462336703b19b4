from enum import StrEnum


class ContentFavoriteKind(StrEnum):
    COURSE = "course"
    ITEM = "item"

    def __str__(self) -> str:
        return str(self.value)
