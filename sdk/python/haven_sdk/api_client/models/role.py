from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    CLINICIAN = "clinician"
    COACH = "coach"
    MEMBER = "member"

    def __str__(self) -> str:
        return str(self.value)
