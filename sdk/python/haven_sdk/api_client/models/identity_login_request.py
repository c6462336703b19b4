from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityLoginRequest")


@_attrs_define
class IdentityLoginRequest:
    """Body of `POST /v1/identity/login`. Unknown fields are rejected.

    Attributes:
        email (str): The account's email address.
        password (str): The account's password.
        device_label (None | str | Unset): A label for the device, shown in the session list (at most 100 characters).
    """

    email: str
    password: str
    device_label: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        device_label: None | str | Unset
        if isinstance(self.device_label, Unset):
            device_label = UNSET
        else:
            device_label = self.device_label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "password": password,
            }
        )
        if device_label is not UNSET:
            field_dict["device_label"] = device_label

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        def _parse_device_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_label = _parse_device_label(d.pop("device_label", UNSET))

        identity_login_request = cls(
            email=email,
            password=password,
            device_label=device_label,
        )

        return identity_login_request
