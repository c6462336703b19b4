from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_part_of_day import ContentPartOfDay

if TYPE_CHECKING:
    from ..models.content_today_entry import ContentTodayEntry


T = TypeVar("T", bound="ContentToday")


@_attrs_define
class ContentToday:
    """The member's Today.

    Attributes:
        at (datetime.datetime): The instant it was built for. Example: 2026-11-26T09:30:00Z.
        catalog_version (int): The catalog version it was built from (same member, instant and version: same
            feed).
        entries (list[ContentTodayEntry]): The entries, in order.
        local_time (str): The member's local date and time then (`YYYY-MM-DDTHH:MM:SS`).
        part_of_day (ContentPartOfDay): The member's part of the day.
        time_zone (str): The IANA zone used.
    """

    at: datetime.datetime
    catalog_version: int
    entries: list[ContentTodayEntry]
    local_time: str
    part_of_day: ContentPartOfDay
    time_zone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        catalog_version = self.catalog_version

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        local_time = self.local_time

        part_of_day = self.part_of_day.value

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "catalog_version": catalog_version,
                "entries": entries,
                "local_time": local_time,
                "part_of_day": part_of_day,
                "time_zone": time_zone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_today_entry import ContentTodayEntry

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        catalog_version = d.pop("catalog_version")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = ContentTodayEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        local_time = d.pop("local_time")

        part_of_day = ContentPartOfDay(d.pop("part_of_day"))

        time_zone = d.pop("time_zone")

        content_today = cls(
            at=at,
            catalog_version=catalog_version,
            entries=entries,
            local_time=local_time,
            part_of_day=part_of_day,
            time_zone=time_zone,
        )

        content_today.additional_properties = d
        return content_today

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
