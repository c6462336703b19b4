from enum import StrEnum


class CareAppointmentType(StrEnum):
    COACHING_VIDEO = "coaching_video"
    PSYCHIATRY_FOLLOW_UP = "psychiatry_follow_up"
    PSYCHIATRY_INTAKE = "psychiatry_intake"
    THERAPY = "therapy"

    def __str__(self) -> str:
        return str(self.value)
