from enum import StrEnum


class IdentityLoginResultIdentityMfaChallengeStatus(StrEnum):
    MFA_REQUIRED = "mfa_required"

    def __str__(self) -> str:
        return str(self.value)
