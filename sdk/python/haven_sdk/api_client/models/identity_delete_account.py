from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="IdentityDeleteAccount")


@_attrs_define
class IdentityDeleteAccount:
    """Body of `POST /v1/identity/me/delete`. Unknown fields are rejected.

    Attributes:
        password (str): The account's current password: erasure requires a fresh proof of identity, not
            only an access token.
    """

    password: str

    def to_dict(self) -> dict[str, Any]:
        password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        password = d.pop("password")

        identity_delete_account = cls(
            password=password,
        )

        return identity_delete_account
