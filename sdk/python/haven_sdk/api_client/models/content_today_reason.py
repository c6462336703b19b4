from enum import StrEnum


class ContentTodayReason(StrEnum):
    CONTINUE_COURSE = "continue_course"
    FAVORITE = "favorite"
    NEW_RELEASE = "new_release"
    RECENTLY_PLAYED = "recently_played"
    TIME_OF_DAY = "time_of_day"

    def __str__(self) -> str:
        return str(self.value)
