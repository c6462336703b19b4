from enum import StrEnum


class IdentityExportState(StrEnum):
    DOWNLOADED = "downloaded"
    EXPIRED = "expired"
    PENDING = "pending"
    READY = "ready"

    def __str__(self) -> str:
        return str(self.value)
