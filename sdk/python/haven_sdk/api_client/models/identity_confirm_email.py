from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="IdentityConfirmEmail")


@_attrs_define
class IdentityConfirmEmail:
    """Body of `POST /v1/identity/email-verification/confirm`.

    Attributes:
        token (str): The `token` query parameter of the link in the verification email.
    """

    token: str

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        token = d.pop("token")

        identity_confirm_email = cls(
            token=token,
        )

        return identity_confirm_email
