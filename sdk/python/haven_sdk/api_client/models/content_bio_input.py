from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ContentBioInput")


@_attrs_define
class ContentBioInput:
    """A biography in one locale.

    Attributes:
        locale (str): BCP 47 tag `language[-Script][-REGION]`, one bio per locale.
        text (str): The biography, at most 4000 characters.
    """

    locale: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        locale = self.locale

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "locale": locale,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        locale = d.pop("locale")

        text = d.pop("text")

        content_bio_input = cls(
            locale=locale,
            text=text,
        )

        return content_bio_input
