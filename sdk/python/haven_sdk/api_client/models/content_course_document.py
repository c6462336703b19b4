from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.content_course_text import ContentCourseText


T = TypeVar("T", bound="ContentCourseDocument")


@_attrs_define
class ContentCourseDocument:
    """A course's document (draft or published).

    Attributes:
        categories (list[str]): Categories.
        sessions (list[str]): The sessions' items, in order.
        texts (list[ContentCourseText]): Texts per locale.
    """

    categories: list[str]
    sessions: list[str]
    texts: list[ContentCourseText]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        categories = self.categories

        sessions = self.sessions

        texts = []
        for texts_item_data in self.texts:
            texts_item = texts_item_data.to_dict()
            texts.append(texts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "categories": categories,
                "sessions": sessions,
                "texts": texts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_course_text import ContentCourseText

        d = dict(src_dict)
        categories = cast(list[str], d.pop("categories"))

        sessions = cast(list[str], d.pop("sessions"))

        texts = []
        _texts = d.pop("texts")
        for texts_item_data in _texts:
            texts_item = ContentCourseText.from_dict(texts_item_data)

            texts.append(texts_item)

        content_course_document = cls(
            categories=categories,
            sessions=sessions,
            texts=texts,
        )

        content_course_document.additional_properties = d
        return content_course_document

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
