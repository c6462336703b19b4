from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_today_reason import ContentTodayReason
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_catalog_course import ContentCatalogCourse
    from ..models.content_catalog_item import ContentCatalogItem


T = TypeVar("T", bound="ContentTodayEntry")


@_attrs_define
class ContentTodayEntry:
    """One entry: an item or a course, and why.

    Attributes:
        reason (ContentTodayReason): Why an entry is in the feed (new values may be added).
        course (ContentCatalogCourse | Unset): A published course in one locale, with its sessions.
        item (ContentCatalogItem | Unset): A published item in one locale.
        next_session (int | None | Unset): With `continue_course`: the 0-based position of the session to play next.
    """

    reason: ContentTodayReason
    course: ContentCatalogCourse | Unset = UNSET
    item: ContentCatalogItem | Unset = UNSET
    next_session: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        course: dict[str, Any] | Unset = UNSET
        if not isinstance(self.course, Unset):
            course = self.course.to_dict()

        item: dict[str, Any] | Unset = UNSET
        if not isinstance(self.item, Unset):
            item = self.item.to_dict()

        next_session: int | None | Unset
        if isinstance(self.next_session, Unset):
            next_session = UNSET
        else:
            next_session = self.next_session

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
            }
        )
        if course is not UNSET:
            field_dict["course"] = course
        if item is not UNSET:
            field_dict["item"] = item
        if next_session is not UNSET:
            field_dict["next_session"] = next_session

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_catalog_course import ContentCatalogCourse
        from ..models.content_catalog_item import ContentCatalogItem

        d = dict(src_dict)
        reason = ContentTodayReason(d.pop("reason"))

        _course = d.pop("course", UNSET)
        course: ContentCatalogCourse | Unset
        if isinstance(_course, Unset):
            course = UNSET
        else:
            course = ContentCatalogCourse.from_dict(_course)

        _item = d.pop("item", UNSET)
        item: ContentCatalogItem | Unset
        if isinstance(_item, Unset):
            item = UNSET
        else:
            item = ContentCatalogItem.from_dict(_item)

        def _parse_next_session(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        next_session = _parse_next_session(d.pop("next_session", UNSET))

        content_today_entry = cls(
            reason=reason,
            course=course,
            item=item,
            next_session=next_session,
        )

        content_today_entry.additional_properties = d
        return content_today_entry

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
