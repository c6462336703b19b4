from enum import StrEnum


class CareSpecialty(StrEnum):
    ADHD = "adhd"
    ANXIETY = "anxiety"
    DEPRESSION = "depression"
    EATING = "eating"
    GRIEF = "grief"
    OCD = "ocd"
    RELATIONSHIPS = "relationships"
    SLEEP = "sleep"
    STRESS = "stress"
    SUBSTANCE_USE = "substance_use"
    TRAUMA = "trauma"

    def __str__(self) -> str:
        return str(self.value)
