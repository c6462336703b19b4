from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.content_catalog_item import ContentCatalogItem


T = TypeVar("T", bound="ContentCatalogCourse")


@_attrs_define
class ContentCatalogCourse:
    """A published course in one locale, with its sessions.

    Attributes:
        available_locales (list[str]): Every locale the course is published in.
        categories (list[str]): Categories.
        description (str): Description.
        id (str): The id. Example: crs_00000000000000000000000000.
        locale (str): The locale the texts are in (fallback chain as for items).
        min_total_duration_s (int): Sum of each session's shortest variant, in seconds.
        released_at (datetime.datetime): When it was first published. Example: 2026-11-26T09:30:00Z.
        sessions (list[ContentCatalogItem]): The sessions members can play, in order, each in the requested locale.
        title (str): Title.
    """

    available_locales: list[str]
    categories: list[str]
    description: str
    id: str
    locale: str
    min_total_duration_s: int
    released_at: datetime.datetime
    sessions: list[ContentCatalogItem]
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available_locales = self.available_locales

        categories = self.categories

        description = self.description

        id = self.id

        locale = self.locale

        min_total_duration_s = self.min_total_duration_s

        released_at = self.released_at.isoformat()

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available_locales": available_locales,
                "categories": categories,
                "description": description,
                "id": id,
                "locale": locale,
                "min_total_duration_s": min_total_duration_s,
                "released_at": released_at,
                "sessions": sessions,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_catalog_item import ContentCatalogItem

        d = dict(src_dict)
        available_locales = cast(list[str], d.pop("available_locales"))

        categories = cast(list[str], d.pop("categories"))

        description = d.pop("description")

        id = d.pop("id")

        locale = d.pop("locale")

        min_total_duration_s = d.pop("min_total_duration_s")

        released_at = datetime.datetime.fromisoformat(d.pop("released_at"))

        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = ContentCatalogItem.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        title = d.pop("title")

        content_catalog_course = cls(
            available_locales=available_locales,
            categories=categories,
            description=description,
            id=id,
            locale=locale,
            min_total_duration_s=min_total_duration_s,
            released_at=released_at,
            sessions=sessions,
            title=title,
        )

        content_catalog_course.additional_properties = d
        return content_catalog_course

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
