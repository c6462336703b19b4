from enum import StrEnum


class IdentityJoinedVia(StrEnum):
    ELIGIBILITY_EMAIL = "eligibility_email"
    EMAIL_DOMAIN = "email_domain"
    EMPLOYEE_ID = "employee_id"

    def __str__(self) -> str:
        return str(self.value)
