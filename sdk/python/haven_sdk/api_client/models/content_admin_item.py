from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_item_status import ContentItemStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_item_document import ContentItemDocument


T = TypeVar("T", bound="ContentAdminItem")


@_attrs_define
class ContentAdminItem:
    """An item as editors see it.

    Attributes:
        created_at (datetime.datetime): Created. Example: 2026-11-26T09:30:00Z.
        draft (ContentItemDocument): An item document (draft or published), every locale.
        id (str): The id. Example: itm_00000000000000000000000000.
        published_locales (list[str]): Locales of the published document.
        revision (int): Revision; the `ETag` is `"r{revision}"`.
        status (ContentItemStatus): Where an item is in its life.
        updated_at (datetime.datetime): Last changed. Example: 2026-11-26T09:30:00Z.
        first_published_at (datetime.datetime | None | Unset): First publish. Example: 2026-11-26T09:30:00Z.
        published (ContentItemDocument | Unset): An item document (draft or published), every locale.
        published_at (datetime.datetime | None | Unset): Last publish. Example: 2026-11-26T09:30:00Z.
        scheduled_at (datetime.datetime | None | Unset): When a scheduled publish will run. Example:
            2026-11-26T09:30:00Z.
        scheduled_locales (list[str] | None | Unset): The locales it will publish (absent: all of the draft's).
    """

    created_at: datetime.datetime
    draft: ContentItemDocument
    id: str
    published_locales: list[str]
    revision: int
    status: ContentItemStatus
    updated_at: datetime.datetime
    first_published_at: datetime.datetime | None | Unset = UNSET
    published: ContentItemDocument | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    scheduled_at: datetime.datetime | None | Unset = UNSET
    scheduled_locales: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        draft = self.draft.to_dict()

        id = self.id

        published_locales = self.published_locales

        revision = self.revision

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        first_published_at: None | str | Unset
        if isinstance(self.first_published_at, Unset):
            first_published_at = UNSET
        elif isinstance(self.first_published_at, datetime.datetime):
            first_published_at = self.first_published_at.isoformat()
        else:
            first_published_at = self.first_published_at

        published: dict[str, Any] | Unset = UNSET
        if not isinstance(self.published, Unset):
            published = self.published.to_dict()

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        scheduled_at: None | str | Unset
        if isinstance(self.scheduled_at, Unset):
            scheduled_at = UNSET
        elif isinstance(self.scheduled_at, datetime.datetime):
            scheduled_at = self.scheduled_at.isoformat()
        else:
            scheduled_at = self.scheduled_at

        scheduled_locales: list[str] | None | Unset
        if isinstance(self.scheduled_locales, Unset):
            scheduled_locales = UNSET
        elif isinstance(self.scheduled_locales, list):
            scheduled_locales = self.scheduled_locales

        else:
            scheduled_locales = self.scheduled_locales

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "draft": draft,
                "id": id,
                "published_locales": published_locales,
                "revision": revision,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if first_published_at is not UNSET:
            field_dict["first_published_at"] = first_published_at
        if published is not UNSET:
            field_dict["published"] = published
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if scheduled_at is not UNSET:
            field_dict["scheduled_at"] = scheduled_at
        if scheduled_locales is not UNSET:
            field_dict["scheduled_locales"] = scheduled_locales

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_item_document import ContentItemDocument

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        draft = ContentItemDocument.from_dict(d.pop("draft"))

        id = d.pop("id")

        published_locales = cast(list[str], d.pop("published_locales"))

        revision = d.pop("revision")

        status = ContentItemStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_first_published_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_published_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        first_published_at = _parse_first_published_at(
            d.pop("first_published_at", UNSET)
        )

        _published = d.pop("published", UNSET)
        published: ContentItemDocument | Unset
        if isinstance(_published, Unset):
            published = UNSET
        else:
            published = ContentItemDocument.from_dict(_published)

        def _parse_published_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        published_at = _parse_published_at(d.pop("published_at", UNSET))

        def _parse_scheduled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_at_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        scheduled_at = _parse_scheduled_at(d.pop("scheduled_at", UNSET))

        def _parse_scheduled_locales(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                scheduled_locales_type_0 = cast(list[str], data)

                return scheduled_locales_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        scheduled_locales = _parse_scheduled_locales(d.pop("scheduled_locales", UNSET))

        content_admin_item = cls(
            created_at=created_at,
            draft=draft,
            id=id,
            published_locales=published_locales,
            revision=revision,
            status=status,
            updated_at=updated_at,
            first_published_at=first_published_at,
            published=published,
            published_at=published_at,
            scheduled_at=scheduled_at,
            scheduled_locales=scheduled_locales,
        )

        content_admin_item.additional_properties = d
        return content_admin_item

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
