from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentitySession")


@_attrs_define
class IdentitySession:
    """An active session (a signed-in device).

    Attributes:
        created_at (datetime.datetime): When the session was opened. Example: 2026-11-26T09:30:00Z.
        current (bool): Whether this is the session of the token that made the request.
        id (str): The session id. Example: ses_00000000000000000000000000.
        last_used_at (datetime.datetime): The session's last login or token refresh. Example: 2026-11-26T09:30:00Z.
        device_label (None | str | Unset): The label the device gave at login, if any.
        ip_coarse (None | str | Unset): The network of the last login or refresh, coarse on purpose (IPv4 `/24`, IPv6
            `/48`), e.g. `203.0.113.0/24`; absent when unknown.
    """

    created_at: datetime.datetime
    current: bool
    id: str
    last_used_at: datetime.datetime
    device_label: None | str | Unset = UNSET
    ip_coarse: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        current = self.current

        id = self.id

        last_used_at = self.last_used_at.isoformat()

        device_label: None | str | Unset
        if isinstance(self.device_label, Unset):
            device_label = UNSET
        else:
            device_label = self.device_label

        ip_coarse: None | str | Unset
        if isinstance(self.ip_coarse, Unset):
            ip_coarse = UNSET
        else:
            ip_coarse = self.ip_coarse

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "current": current,
                "id": id,
                "last_used_at": last_used_at,
            }
        )
        if device_label is not UNSET:
            field_dict["device_label"] = device_label
        if ip_coarse is not UNSET:
            field_dict["ip_coarse"] = ip_coarse

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        current = d.pop("current")

        id = d.pop("id")

        last_used_at = datetime.datetime.fromisoformat(d.pop("last_used_at"))

        def _parse_device_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_label = _parse_device_label(d.pop("device_label", UNSET))

        def _parse_ip_coarse(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_coarse = _parse_ip_coarse(d.pop("ip_coarse", UNSET))

        identity_session = cls(
            created_at=created_at,
            current=current,
            id=id,
            last_used_at=last_used_at,
            device_label=device_label,
            ip_coarse=ip_coarse,
        )

        identity_session.additional_properties = d
        return identity_session

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
