from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="IdentityMfaCodeRequest")


@_attrs_define
class IdentityMfaCodeRequest:
    """Body of confirming an enrollment or regenerating recovery codes.

    Attributes:
        code (str): The current 6-digit code of the authenticator app.
    """

    code: str

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        identity_mfa_code_request = cls(
            code=code,
        )

        return identity_mfa_code_request
