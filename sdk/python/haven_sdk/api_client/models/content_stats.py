from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.content_stats_day import ContentStatsDay


T = TypeVar("T", bound="ContentStats")


@_attrs_define
class ContentStats:
    """A member's listening stats.

    Attributes:
        days (list[ContentStatsDay]): The last `days` days up to today, oldest first, one entry per day.
        time_zone (str): The IANA zone today was read in.
        today (str): The member's today, `YYYY-MM-DD`, in `time_zone`.
        total_minutes (int): Minutes of completed sessions, ever (rounded down).
        total_sessions (int): Completed sessions, ever.
    """

    days: list[ContentStatsDay]
    time_zone: str
    today: str
    total_minutes: int
    total_sessions: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        time_zone = self.time_zone

        today = self.today

        total_minutes = self.total_minutes

        total_sessions = self.total_sessions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "days": days,
                "time_zone": time_zone,
                "today": today,
                "total_minutes": total_minutes,
                "total_sessions": total_sessions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_stats_day import ContentStatsDay

        d = dict(src_dict)
        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = ContentStatsDay.from_dict(days_item_data)

            days.append(days_item)

        time_zone = d.pop("time_zone")

        today = d.pop("today")

        total_minutes = d.pop("total_minutes")

        total_sessions = d.pop("total_sessions")

        content_stats = cls(
            days=days,
            time_zone=time_zone,
            today=today,
            total_minutes=total_minutes,
            total_sessions=total_sessions,
        )

        content_stats.additional_properties = d
        return content_stats

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
