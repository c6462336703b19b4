from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="IdentityResetPassword")


@_attrs_define
class IdentityResetPassword:
    """Body of `POST /v1/identity/password-reset/confirm`.

    Attributes:
        new_password (str): The new password: the registration rules (12 to 128 characters after NFKC
            normalization, not a common password).
        token (str): The `token` query parameter of the link in the password-reset email.
    """

    new_password: str
    token: str

    def to_dict(self) -> dict[str, Any]:
        new_password = self.new_password

        token = self.token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "new_password": new_password,
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        new_password = d.pop("new_password")

        token = d.pop("token")

        identity_reset_password = cls(
            new_password=new_password,
            token=token,
        )

        return identity_reset_password
