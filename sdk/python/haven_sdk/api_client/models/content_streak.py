from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentStreak")


@_attrs_define
class ContentStreak:
    """The member's streak, computed in their zones.

    Attributes:
        current (int): Consecutive days with a completed session, up to today (or yesterday while today
            is not over); days covered by a freeze bridge the streak without adding to it.
        freezes_banked (int): Freezes banked: each covers one missed day, spent automatically.
        frozen_days (list[str]): Days a freeze covered, oldest first, `YYYY-MM-DD`.
        longest (int): The longest streak ever.
        max_freezes (int): Most freezes that can be banked.
        time_zone (str): The IANA zone today was read in.
        today (str): The member's today, `YYYY-MM-DD` (days end at the configured local hour).
        today_counted (bool): Whether today already counts.
        last_active_day (None | str | Unset): The last day with a completed session, `YYYY-MM-DD`.
    """

    current: int
    freezes_banked: int
    frozen_days: list[str]
    longest: int
    max_freezes: int
    time_zone: str
    today: str
    today_counted: bool
    last_active_day: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current = self.current

        freezes_banked = self.freezes_banked

        frozen_days = self.frozen_days

        longest = self.longest

        max_freezes = self.max_freezes

        time_zone = self.time_zone

        today = self.today

        today_counted = self.today_counted

        last_active_day: None | str | Unset
        if isinstance(self.last_active_day, Unset):
            last_active_day = UNSET
        else:
            last_active_day = self.last_active_day

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current": current,
                "freezes_banked": freezes_banked,
                "frozen_days": frozen_days,
                "longest": longest,
                "max_freezes": max_freezes,
                "time_zone": time_zone,
                "today": today,
                "today_counted": today_counted,
            }
        )
        if last_active_day is not UNSET:
            field_dict["last_active_day"] = last_active_day

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        current = d.pop("current")

        freezes_banked = d.pop("freezes_banked")

        frozen_days = cast(list[str], d.pop("frozen_days"))

        longest = d.pop("longest")

        max_freezes = d.pop("max_freezes")

        time_zone = d.pop("time_zone")

        today = d.pop("today")

        today_counted = d.pop("today_counted")

        def _parse_last_active_day(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_active_day = _parse_last_active_day(d.pop("last_active_day", UNSET))

        content_streak = cls(
            current=current,
            freezes_banked=freezes_banked,
            frozen_days=frozen_days,
            longest=longest,
            max_freezes=max_freezes,
            time_zone=time_zone,
            today=today,
            today_counted=today_counted,
            last_active_day=last_active_day,
        )

        content_streak.additional_properties = d
        return content_streak

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
