from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentItemTextInput")


@_attrs_define
class ContentItemTextInput:
    """An item's text in one locale.

    Attributes:
        description (str): Description, at most 4000 characters.
        locale (str): BCP 47 tag `language[-Script][-REGION]`, one text per locale (tags compare
            case-insensitively).
        title (str): Title, 1–120 characters.
        subtitle (None | str | Unset): Subtitle, at most 200 characters.
    """

    description: str
    locale: str
    title: str
    subtitle: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        locale = self.locale

        title = self.title

        subtitle: None | str | Unset
        if isinstance(self.subtitle, Unset):
            subtitle = UNSET
        else:
            subtitle = self.subtitle

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "locale": locale,
                "title": title,
            }
        )
        if subtitle is not UNSET:
            field_dict["subtitle"] = subtitle

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        description = d.pop("description")

        locale = d.pop("locale")

        title = d.pop("title")

        def _parse_subtitle(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subtitle = _parse_subtitle(d.pop("subtitle", UNSET))

        content_item_text_input = cls(
            description=description,
            locale=locale,
            title=title,
            subtitle=subtitle,
        )

        return content_item_text_input
