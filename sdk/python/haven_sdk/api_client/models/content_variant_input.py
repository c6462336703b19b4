from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentVariantInput")


@_attrs_define
class ContentVariantInput:
    """A duration variant.

    Attributes:
        duration_s (int): Length in whole seconds, 30–14400; one variant per duration.
        narrator_id (None | str | Unset): The narrator; absent for music and soundscapes. Must exist. Example:
            nar_00000000000000000000000000.
        premium (bool | None | Unset): Playable only by members entitled to premium content. Default: False.
    """

    duration_s: int
    narrator_id: None | str | Unset = UNSET
    premium: bool | None | Unset = False

    def to_dict(self) -> dict[str, Any]:
        duration_s = self.duration_s

        narrator_id: None | str | Unset
        if isinstance(self.narrator_id, Unset):
            narrator_id = UNSET
        else:
            narrator_id = self.narrator_id

        premium: bool | None | Unset
        if isinstance(self.premium, Unset):
            premium = UNSET
        else:
            premium = self.premium

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "duration_s": duration_s,
            }
        )
        if narrator_id is not UNSET:
            field_dict["narrator_id"] = narrator_id
        if premium is not UNSET:
            field_dict["premium"] = premium

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        duration_s = d.pop("duration_s")

        def _parse_narrator_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        narrator_id = _parse_narrator_id(d.pop("narrator_id", UNSET))

        def _parse_premium(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        premium = _parse_premium(d.pop("premium", UNSET))

        content_variant_input = cls(
            duration_s=duration_s,
            narrator_id=narrator_id,
            premium=premium,
        )

        return content_variant_input
