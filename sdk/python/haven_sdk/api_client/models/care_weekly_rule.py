from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CareWeeklyRule")


@_attrs_define
class CareWeeklyRule:
    """Available hours on one weekday, in the provider's zone.

    Attributes:
        end (str): Local end `HH:MM` (`24:00` for midnight), after `start`.
        start (str): Local start `HH:MM`.
        weekday (int): ISO weekday: 1 Monday … 7 Sunday.
    """

    end: str
    start: str
    weekday: int

    def to_dict(self) -> dict[str, Any]:
        end = self.end

        start = self.start

        weekday = self.weekday

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end": end,
                "start": start,
                "weekday": weekday,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        end = d.pop("end")

        start = d.pop("start")

        weekday = d.pop("weekday")

        care_weekly_rule = cls(
            end=end,
            start=start,
            weekday=weekday,
        )

        return care_weekly_rule
