from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_kind import ContentKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_catalog_variant import ContentCatalogVariant


T = TypeVar("T", bound="ContentCatalogItem")


@_attrs_define
class ContentCatalogItem:
    """A published item in one locale.

    Attributes:
        available_locales (list[str]): Every locale the item is published in.
        categories (list[str]): Categories.
        description (str): Description.
        id (str): The id. Example: itm_00000000000000000000000000.
        kind (ContentKind): What an item is.
        locale (str): The locale the texts are in: the first of the requested locale's fallback chain
            (`es-MX` → `es` → the catalog's default) that the item has.
        released_at (datetime.datetime): When it was first published. Example: 2026-11-26T09:30:00Z.
        tags (list[str]): Tags.
        title (str): Title.
        variants (list[ContentCatalogVariant]): Duration variants, shortest first.
        subtitle (None | str | Unset): Subtitle.
    """

    available_locales: list[str]
    categories: list[str]
    description: str
    id: str
    kind: ContentKind
    locale: str
    released_at: datetime.datetime
    tags: list[str]
    title: str
    variants: list[ContentCatalogVariant]
    subtitle: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available_locales = self.available_locales

        categories = self.categories

        description = self.description

        id = self.id

        kind = self.kind.value

        locale = self.locale

        released_at = self.released_at.isoformat()

        tags = self.tags

        title = self.title

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        subtitle: None | str | Unset
        if isinstance(self.subtitle, Unset):
            subtitle = UNSET
        else:
            subtitle = self.subtitle

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available_locales": available_locales,
                "categories": categories,
                "description": description,
                "id": id,
                "kind": kind,
                "locale": locale,
                "released_at": released_at,
                "tags": tags,
                "title": title,
                "variants": variants,
            }
        )
        if subtitle is not UNSET:
            field_dict["subtitle"] = subtitle

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_catalog_variant import ContentCatalogVariant

        d = dict(src_dict)
        available_locales = cast(list[str], d.pop("available_locales"))

        categories = cast(list[str], d.pop("categories"))

        description = d.pop("description")

        id = d.pop("id")

        kind = ContentKind(d.pop("kind"))

        locale = d.pop("locale")

        released_at = datetime.datetime.fromisoformat(d.pop("released_at"))

        tags = cast(list[str], d.pop("tags"))

        title = d.pop("title")

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = ContentCatalogVariant.from_dict(variants_item_data)

            variants.append(variants_item)

        def _parse_subtitle(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subtitle = _parse_subtitle(d.pop("subtitle", UNSET))

        content_catalog_item = cls(
            available_locales=available_locales,
            categories=categories,
            description=description,
            id=id,
            kind=kind,
            locale=locale,
            released_at=released_at,
            tags=tags,
            title=title,
            variants=variants,
            subtitle=subtitle,
        )

        content_catalog_item.additional_properties = d
        return content_catalog_item

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
