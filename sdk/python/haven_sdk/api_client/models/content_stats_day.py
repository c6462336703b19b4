from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContentStatsDay")


@_attrs_define
class ContentStatsDay:
    """One day of the history.

    Attributes:
        day (str): The member's day, `YYYY-MM-DD`.
        minutes (int): Minutes of those sessions (their variants' lengths, rounded down).
        sessions (int): Completed sessions that day.
    """

    day: str
    minutes: int
    sessions: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        day = self.day

        minutes = self.minutes

        sessions = self.sessions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "day": day,
                "minutes": minutes,
                "sessions": sessions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        day = d.pop("day")

        minutes = d.pop("minutes")

        sessions = d.pop("sessions")

        content_stats_day = cls(
            day=day,
            minutes=minutes,
            sessions=sessions,
        )

        content_stats_day.additional_properties = d
        return content_stats_day

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
