from enum import StrEnum


class CareListMyNotesProblemCode(StrEnum):
    ACCOUNT_DISABLED = "account_disabled"
    APPOINTMENT_NOT_FOUND = "appointment_not_found"
    APPOINTMENT_NOT_HELD = "appointment_not_held"
    BAD_REQUEST = "bad_request"
    FORBIDDEN = "forbidden"
    INTERNAL = "internal"
    MEMBER_NOT_FOUND = "member_not_found"
    MFA_REQUIRED = "mfa_required"
    NOTES_UNAVAILABLE = "notes_unavailable"
    NOTE_ACCESS_DISABLED = "note_access_disabled"
    NOTE_NOT_FOUND = "note_not_found"
    NOTE_NOT_SIGNED = "note_not_signed"
    NOTE_SIGNED = "note_signed"
    NOT_NOTE_AUTHOR = "not_note_author"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PRECONDITION_FAILED = "precondition_failed"
    PRECONDITION_REQUIRED = "precondition_required"
    REQUEST_TIMEOUT = "request_timeout"
    ROLE_REVOKED = "role_revoked"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
