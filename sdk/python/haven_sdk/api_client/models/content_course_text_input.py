from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ContentCourseTextInput")


@_attrs_define
class ContentCourseTextInput:
    """A course's text in one locale.

    Attributes:
        description (str): Description, at most 4000 characters.
        locale (str): BCP 47 tag `language[-Script][-REGION]`, one text per locale.
        title (str): Title, 1–120 characters.
    """

    description: str
    locale: str
    title: str

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        locale = self.locale

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "locale": locale,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        description = d.pop("description")

        locale = d.pop("locale")

        title = d.pop("title")

        content_course_text_input = cls(
            description=description,
            locale=locale,
            title=title,
        )

        return content_course_text_input
