from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.care_exception_kind import CareExceptionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CareScheduleException")


@_attrs_define
class CareScheduleException:
    """A date that departs from the weekly rules.

    Attributes:
        date (datetime.date): The local date.
        kind (CareExceptionKind): How a date departs from the weekly rules.
        end (None | str | Unset): Local end of extra hours (`null` for a day off).
        start (None | str | Unset): Local start of extra hours (`null` for a day off).
    """

    date: datetime.date
    kind: CareExceptionKind
    end: None | str | Unset = UNSET
    start: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        kind = self.kind.value

        end: None | str | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        else:
            end = self.end

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        else:
            start = self.start

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "kind": kind,
            }
        )
        if end is not UNSET:
            field_dict["end"] = end
        if start is not UNSET:
            field_dict["start"] = start

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        kind = CareExceptionKind(d.pop("kind"))

        def _parse_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end = _parse_end(d.pop("end", UNSET))

        def _parse_start(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start = _parse_start(d.pop("start", UNSET))

        care_schedule_exception = cls(
            date=date,
            kind=kind,
            end=end,
            start=start,
        )

        return care_schedule_exception
