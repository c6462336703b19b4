from enum import StrEnum


class IdentityDownloadExportProblemCode(StrEnum):
    BAD_REQUEST = "bad_request"
    EXPORT_ALREADY_DOWNLOADED = "export_already_downloaded"
    EXPORT_EXPIRED = "export_expired"
    EXPORT_NOT_READY = "export_not_ready"
    INTERNAL = "internal"
    NOT_FOUND = "not_found"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    REQUEST_TIMEOUT = "request_timeout"
    UNAUTHORIZED = "unauthorized"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"

    def __str__(self) -> str:
        return str(self.value)
