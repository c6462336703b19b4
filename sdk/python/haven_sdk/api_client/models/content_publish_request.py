from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentPublishRequest")


@_attrs_define
class ContentPublishRequest:
    """Body of a publish.

    Attributes:
        at (datetime.datetime | None | Unset): Publish at this UTC instant instead of now (a scheduled publish, run once
            by
            whichever node claims it); absent or past: now. Example: 2026-11-26T09:30:00Z.
        locales (list[str] | None | Unset): The locales whose texts go live (each must be in the draft); absent: every
            locale of the draft. Other locales keep what was published before.
    """

    at: datetime.datetime | None | Unset = UNSET
    locales: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        locales: list[str] | None | Unset
        if isinstance(self.locales, Unset):
            locales = UNSET
        elif isinstance(self.locales, list):
            locales = self.locales

        else:
            locales = self.locales

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if at is not UNSET:
            field_dict["at"] = at
        if locales is not UNSET:
            field_dict["locales"] = locales

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        at = _parse_at(d.pop("at", UNSET))

        def _parse_locales(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                locales_type_0 = cast(list[str], data)

                return locales_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        locales = _parse_locales(d.pop("locales", UNSET))

        content_publish_request = cls(
            at=at,
            locales=locales,
        )

        return content_publish_request
