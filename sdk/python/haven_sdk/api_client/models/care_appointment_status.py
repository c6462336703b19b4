from enum import StrEnum


class CareAppointmentStatus(StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"
    PENDING = "pending"
    RESCHEDULED = "rescheduled"

    def __str__(self) -> str:
        return str(self.value)
