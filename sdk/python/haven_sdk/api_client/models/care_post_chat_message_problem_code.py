from enum import StrEnum


class CarePostChatMessageProblemCode(StrEnum):
    ACCOUNT_DISABLED = "account_disabled"
    BAD_REQUEST = "bad_request"
    CLIENT_MESSAGE_ID_REUSED = "client_message_id_reused"
    FORBIDDEN = "forbidden"
    INTERNAL = "internal"
    MFA_REQUIRED = "mfa_required"
    NOT_ENTITLED = "not_entitled"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    REQUEST_TIMEOUT = "request_timeout"
    ROLE_REVOKED = "role_revoked"
    THREAD_NOT_FOUND = "thread_not_found"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
