from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IdentityMfaChallenge")


@_attrs_define
class IdentityMfaChallenge:
    """A login waiting for its second factor.

    Attributes:
        expires_in (int): Seconds until `mfa_token` expires (then sign in with the password again).
        mfa_token (str): Opaque, single-use token of this login step; keep it secret.
    """

    expires_in: int
    mfa_token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expires_in = self.expires_in

        mfa_token = self.mfa_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expires_in": expires_in,
                "mfa_token": mfa_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        expires_in = d.pop("expires_in")

        mfa_token = d.pop("mfa_token")

        identity_mfa_challenge = cls(
            expires_in=expires_in,
            mfa_token=mfa_token,
        )

        identity_mfa_challenge.additional_properties = d
        return identity_mfa_challenge

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
