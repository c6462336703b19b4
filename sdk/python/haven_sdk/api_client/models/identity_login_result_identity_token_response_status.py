from enum import StrEnum


class IdentityLoginResultIdentityTokenResponseStatus(StrEnum):
    AUTHENTICATED = "authenticated"

    def __str__(self) -> str:
        return str(self.value)
