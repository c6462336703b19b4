from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_course_text_input import ContentCourseTextInput


T = TypeVar("T", bound="ContentCourseDraftInput")


@_attrs_define
class ContentCourseDraftInput:
    """A course's whole draft (`POST` creates it, `PUT` replaces it).

    Attributes:
        sessions (list[str]): The sessions' items in course order, 1–60, distinct. Publishing needs each one
            published.
        texts (list[ContentCourseTextInput]): Texts, one per locale, 1–20. Publishing needs the catalog's default
            locale.
        categories (list[str] | None | Unset): Categories (`sleep`, `stress`, …): distinct lower-case slugs, at most 20.
    """

    sessions: list[str]
    texts: list[ContentCourseTextInput]
    categories: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        sessions = self.sessions

        texts = []
        for texts_item_data in self.texts:
            texts_item = texts_item_data.to_dict()
            texts.append(texts_item)

        categories: list[str] | None | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        elif isinstance(self.categories, list):
            categories = self.categories

        else:
            categories = self.categories

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sessions": sessions,
                "texts": texts,
            }
        )
        if categories is not UNSET:
            field_dict["categories"] = categories

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_course_text_input import ContentCourseTextInput

        d = dict(src_dict)
        sessions = cast(list[str], d.pop("sessions"))

        texts = []
        _texts = d.pop("texts")
        for texts_item_data in _texts:
            texts_item = ContentCourseTextInput.from_dict(texts_item_data)

            texts.append(texts_item)

        def _parse_categories(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                categories_type_0 = cast(list[str], data)

                return categories_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        categories = _parse_categories(d.pop("categories", UNSET))

        content_course_draft_input = cls(
            sessions=sessions,
            texts=texts,
            categories=categories,
        )

        return content_course_draft_input
