from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentVariant")


@_attrs_define
class ContentVariant:
    """A duration variant.

    Attributes:
        duration_s (int): Length in whole seconds (names the variant).
        premium (bool): Premium tier.
        narrator_id (None | str | Unset): The narrator. Example: nar_00000000000000000000000000.
    """

    duration_s: int
    premium: bool
    narrator_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        duration_s = self.duration_s

        premium = self.premium

        narrator_id: None | str | Unset
        if isinstance(self.narrator_id, Unset):
            narrator_id = UNSET
        else:
            narrator_id = self.narrator_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "duration_s": duration_s,
                "premium": premium,
            }
        )
        if narrator_id is not UNSET:
            field_dict["narrator_id"] = narrator_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        duration_s = d.pop("duration_s")

        premium = d.pop("premium")

        def _parse_narrator_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        narrator_id = _parse_narrator_id(d.pop("narrator_id", UNSET))

        content_variant = cls(
            duration_s=duration_s,
            premium=premium,
            narrator_id=narrator_id,
        )

        content_variant.additional_properties = d
        return content_variant

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
