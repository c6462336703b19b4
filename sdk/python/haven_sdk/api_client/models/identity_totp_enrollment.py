from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IdentityTotpEnrollment")


@_attrs_define
class IdentityTotpEnrollment:
    """A started TOTP enrollment. Shown once; not stored in the clear anywhere.

    Attributes:
        otpauth_uri (str): `otpauth://totp/Haven:<email>?secret=…&issuer=Haven` (SHA-1, 6 digits, 30 s), to
            show as a QR code.
        secret (str): The secret, base32 without padding, for typing into an authenticator app.
    """

    otpauth_uri: str
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        otpauth_uri = self.otpauth_uri

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "otpauth_uri": otpauth_uri,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        otpauth_uri = d.pop("otpauth_uri")

        secret = d.pop("secret")

        identity_totp_enrollment = cls(
            otpauth_uri=otpauth_uri,
            secret=secret,
        )

        identity_totp_enrollment.additional_properties = d
        return identity_totp_enrollment

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
