from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityRegisterRequest")


@_attrs_define
class IdentityRegisterRequest:
    """Body of `POST /v1/identity/register`. Unknown fields (e.g. `role`) are rejected.

    Attributes:
        email (str): The email address; trimmed, and compared case-insensitively.
        password (str): 12 to 128 characters (after Unicode NFKC normalization), any characters, not a
            common password.
        display_name (None | str | Unset): The name shown to others (at most 100 characters).
    """

    email: str
    password: str
    display_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "password": password,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        identity_register_request = cls(
            email=email,
            password=password,
            display_name=display_name,
        )

        return identity_register_request
