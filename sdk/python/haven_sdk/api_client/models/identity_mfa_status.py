from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityMfaStatus")


@_attrs_define
class IdentityMfaStatus:
    """The caller's two-step verification.

    Attributes:
        enabled (bool): A TOTP factor is on: logins ask for a code.
        pending (bool): An enrollment waits for its confirming code.
        recovery_codes_left (int): Unused recovery codes.
        required (bool): The account's role (`clinician`, `admin`) requires it.
        enabled_at (datetime.datetime | None | Unset): When it was turned on. Example: 2026-11-26T09:30:00Z.
    """

    enabled: bool
    pending: bool
    recovery_codes_left: int
    required: bool
    enabled_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        pending = self.pending

        recovery_codes_left = self.recovery_codes_left

        required = self.required

        enabled_at: None | str | Unset
        if isinstance(self.enabled_at, Unset):
            enabled_at = UNSET
        elif isinstance(self.enabled_at, datetime.datetime):
            enabled_at = self.enabled_at.isoformat()
        else:
            enabled_at = self.enabled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
                "pending": pending,
                "recovery_codes_left": recovery_codes_left,
                "required": required,
            }
        )
        if enabled_at is not UNSET:
            field_dict["enabled_at"] = enabled_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        enabled = d.pop("enabled")

        pending = d.pop("pending")

        recovery_codes_left = d.pop("recovery_codes_left")

        required = d.pop("required")

        def _parse_enabled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return enabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        enabled_at = _parse_enabled_at(d.pop("enabled_at", UNSET))

        identity_mfa_status = cls(
            enabled=enabled,
            pending=pending,
            recovery_codes_left=recovery_codes_left,
            required=required,
            enabled_at=enabled_at,
        )

        identity_mfa_status.additional_properties = d
        return identity_mfa_status

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
