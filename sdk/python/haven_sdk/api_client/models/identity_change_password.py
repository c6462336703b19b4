from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="IdentityChangePassword")


@_attrs_define
class IdentityChangePassword:
    """Body of `PUT /v1/identity/me/password`.

    Attributes:
        current_password (str): The password in use now.
        new_password (str): The new password: the registration rules.
    """

    current_password: str
    new_password: str

    def to_dict(self) -> dict[str, Any]:
        current_password = self.current_password

        new_password = self.new_password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "current_password": current_password,
                "new_password": new_password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        current_password = d.pop("current_password")

        new_password = d.pop("new_password")

        identity_change_password = cls(
            current_password=current_password,
            new_password=new_password,
        )

        return identity_change_password
