from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_favorite_kind import ContentFavoriteKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentFavorite")


@_attrs_define
class ContentFavorite:
    """One favorite.

    Attributes:
        created_at (datetime.datetime): When it became a favorite. Example: 2026-11-26T09:30:00Z.
        kind (ContentFavoriteKind): What a favorite points at.
        course_id (None | str | Unset): The course (with `course`). Example: crs_00000000000000000000000000.
        item_id (None | str | Unset): The item (with `item`). Example: itm_00000000000000000000000000.
    """

    created_at: datetime.datetime
    kind: ContentFavoriteKind
    course_id: None | str | Unset = UNSET
    item_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        kind = self.kind.value

        course_id: None | str | Unset
        if isinstance(self.course_id, Unset):
            course_id = UNSET
        else:
            course_id = self.course_id

        item_id: None | str | Unset
        if isinstance(self.item_id, Unset):
            item_id = UNSET
        else:
            item_id = self.item_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "kind": kind,
            }
        )
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if item_id is not UNSET:
            field_dict["item_id"] = item_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        kind = ContentFavoriteKind(d.pop("kind"))

        def _parse_course_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        course_id = _parse_course_id(d.pop("course_id", UNSET))

        def _parse_item_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        item_id = _parse_item_id(d.pop("item_id", UNSET))

        content_favorite = cls(
            created_at=created_at,
            kind=kind,
            course_id=course_id,
            item_id=item_id,
        )

        content_favorite.additional_properties = d
        return content_favorite

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
