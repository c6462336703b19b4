from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_item_status import ContentItemStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_course_document import ContentCourseDocument


T = TypeVar("T", bound="ContentAdminCourse")


@_attrs_define
class ContentAdminCourse:
    """A course as editors see it.

    Attributes:
        created_at (datetime.datetime): Created. Example: 2026-11-26T09:30:00Z.
        draft (ContentCourseDocument): A course's document (draft or published).
        id (str): The id. Example: crs_00000000000000000000000000.
        revision (int): The revision (the `ETag` is `"r{revision}"`).
        status (ContentItemStatus): Where an item is in its life.
        updated_at (datetime.datetime): Last changed. Example: 2026-11-26T09:30:00Z.
        first_published_at (datetime.datetime | None | Unset): First publish. Example: 2026-11-26T09:30:00Z.
        published (ContentCourseDocument | Unset): A course's document (draft or published).
        published_at (datetime.datetime | None | Unset): Last publish. Example: 2026-11-26T09:30:00Z.
    """

    created_at: datetime.datetime
    draft: ContentCourseDocument
    id: str
    revision: int
    status: ContentItemStatus
    updated_at: datetime.datetime
    first_published_at: datetime.datetime | None | Unset = UNSET
    published: ContentCourseDocument | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        draft = self.draft.to_dict()

        id = self.id

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "draft": draft,
                "id": id,
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_course_document import ContentCourseDocument

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        draft = ContentCourseDocument.from_dict(d.pop("draft"))

        id = d.pop("id")

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
        published: ContentCourseDocument | Unset
        if isinstance(_published, Unset):
            published = UNSET
        else:
            published = ContentCourseDocument.from_dict(_published)

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

        content_admin_course = cls(
            created_at=created_at,
            draft=draft,
            id=id,
            revision=revision,
            status=status,
            updated_at=updated_at,
            first_published_at=first_published_at,
            published=published,
            published_at=published_at,
        )

        content_admin_course.additional_properties = d
        return content_admin_course

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
