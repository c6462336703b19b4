from enum import StrEnum


class CareNoteStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"

    def __str__(self) -> str:
        return str(self.value)
