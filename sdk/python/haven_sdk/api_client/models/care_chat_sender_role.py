from enum import StrEnum


class CareChatSenderRole(StrEnum):
    CLINICIAN = "clinician"
    COACH = "coach"
    MEMBER = "member"

    def __str__(self) -> str:
        return str(self.value)
