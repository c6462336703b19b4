from enum import StrEnum


class CareAuditResource(StrEnum):
    APPOINTMENT = "appointment"
    ASSESSMENT = "assessment"
    CARE_PROFILE = "care_profile"
    ESCALATION = "escalation"
    PHI_AUDIT = "phi_audit"

    def __str__(self) -> str:
        return str(self.value)
