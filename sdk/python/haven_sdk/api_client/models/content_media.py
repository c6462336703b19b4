from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentMedia")


@_attrs_define
class ContentMedia:
    """An uploaded media object.

    Attributes:
        content_type (str): The type its first bytes show.
        created_at (datetime.datetime): When it was uploaded.
        id (str): `med_…`. Example: med_00000000000000000000000000.
        item_id (str): The item. Example: itm_00000000000000000000000000.
        size_bytes (int): Size in bytes.
        slot (str): `image`, or `audio` with `duration_s`.
        duration_s (int | None | Unset): The variant's length, for audio.
    """

    content_type: str
    created_at: datetime.datetime
    id: str
    item_id: str
    size_bytes: int
    slot: str
    duration_s: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        created_at = self.created_at.isoformat()

        id = self.id

        item_id = self.item_id

        size_bytes = self.size_bytes

        slot = self.slot

        duration_s: int | None | Unset
        if isinstance(self.duration_s, Unset):
            duration_s = UNSET
        else:
            duration_s = self.duration_s

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_type": content_type,
                "created_at": created_at,
                "id": id,
                "item_id": item_id,
                "size_bytes": size_bytes,
                "slot": slot,
            }
        )
        if duration_s is not UNSET:
            field_dict["duration_s"] = duration_s

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content_type = d.pop("content_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        item_id = d.pop("item_id")

        size_bytes = d.pop("size_bytes")

        slot = d.pop("slot")

        def _parse_duration_s(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_s = _parse_duration_s(d.pop("duration_s", UNSET))

        content_media = cls(
            content_type=content_type,
            created_at=created_at,
            id=id,
            item_id=item_id,
            size_bytes=size_bytes,
            slot=slot,
            duration_s=duration_s,
        )

        content_media.additional_properties = d
        return content_media

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
