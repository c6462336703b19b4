from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CareSlot")


@_attrs_define
class CareSlot:
    """A bookable start.

    Attributes:
        ends_at (datetime.datetime): End (UTC). Example: 2026-11-26T09:30:00Z.
        local_end (str): End in the member's zone, RFC 3339 with its offset.
        local_start (str): Start in the member's zone, RFC 3339 with its offset (`2027-03-15T04:00:00-04:00`).
        starts_at (datetime.datetime): Start (UTC). Example: 2026-11-26T09:30:00Z.
    """

    ends_at: datetime.datetime
    local_end: str
    local_start: str
    starts_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ends_at = self.ends_at.isoformat()

        local_end = self.local_end

        local_start = self.local_start

        starts_at = self.starts_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ends_at": ends_at,
                "local_end": local_end,
                "local_start": local_start,
                "starts_at": starts_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        local_end = d.pop("local_end")

        local_start = d.pop("local_start")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        care_slot = cls(
            ends_at=ends_at,
            local_end=local_end,
            local_start=local_start,
            starts_at=starts_at,
        )

        care_slot.additional_properties = d
        return care_slot

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
