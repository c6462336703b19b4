from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_narrator_ref import ContentNarratorRef


T = TypeVar("T", bound="ContentCatalogVariant")


@_attrs_define
class ContentCatalogVariant:
    """A playable duration variant.

    Attributes:
        duration_s (int): Length in whole seconds (names the variant).
        premium (bool): Playable only by members entitled to premium content.
        narrator (ContentNarratorRef | Unset): A narrator as a variant names it.
    """

    duration_s: int
    premium: bool
    narrator: ContentNarratorRef | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        duration_s = self.duration_s

        premium = self.premium

        narrator: dict[str, Any] | Unset = UNSET
        if not isinstance(self.narrator, Unset):
            narrator = self.narrator.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "duration_s": duration_s,
                "premium": premium,
            }
        )
        if narrator is not UNSET:
            field_dict["narrator"] = narrator

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_narrator_ref import ContentNarratorRef

        d = dict(src_dict)
        duration_s = d.pop("duration_s")

        premium = d.pop("premium")

        _narrator = d.pop("narrator", UNSET)
        narrator: ContentNarratorRef | Unset
        if isinstance(_narrator, Unset):
            narrator = UNSET
        else:
            narrator = ContentNarratorRef.from_dict(_narrator)

        content_catalog_variant = cls(
            duration_s=duration_s,
            premium=premium,
            narrator=narrator,
        )

        content_catalog_variant.additional_properties = d
        return content_catalog_variant

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
