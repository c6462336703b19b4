from enum import StrEnum


class CareCanceller(StrEnum):
    MEMBER = "member"
    PROVIDER = "provider"

    def __str__(self) -> str:
        return str(self.value)
