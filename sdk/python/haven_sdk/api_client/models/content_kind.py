from enum import StrEnum


class ContentKind(StrEnum):
    EXERCISE = "exercise"
    MEDITATION = "meditation"
    MOVEMENT = "movement"
    MUSIC = "music"
    SLEEPCAST = "sleepcast"
    SOUNDSCAPE = "soundscape"
    WIND_DOWN = "wind_down"

    def __str__(self) -> str:
        return str(self.value)
