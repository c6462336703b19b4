from enum import StrEnum


class CareAuditResource(StrEnum):
    APPOINTMENT = "appointment"
    ASSESSMENT = "assessment"
    CARE_PROFILE = "care_profile"
    CHAT_MESSAGE = "chat_message"
    CHAT_THREAD = "chat_thread"
    CLINICAL_NOTE = "clinical_note"
    ESCALATION = "escalation"
    PHI_AUDIT = "phi_audit"

    def __str__(self) -> str:
        return str(self.value)
