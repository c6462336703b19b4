from enum import StrEnum


class BillingLedgerAction(StrEnum):
    CHANGED = "changed"
    CONSUMED = "consumed"
    GRANTED = "granted"
    RELEASED = "released"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
