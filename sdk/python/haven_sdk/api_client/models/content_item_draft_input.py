from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.content_kind import ContentKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_item_text_input import ContentItemTextInput
    from ..models.content_variant_input import ContentVariantInput


T = TypeVar("T", bound="ContentItemDraftInput")


@_attrs_define
class ContentItemDraftInput:
    """An item's whole draft (`POST` creates it, `PUT` replaces it).

    Attributes:
        kind (ContentKind): What an item is.
        texts (list[ContentItemTextInput]): Texts, one per locale, 1–20. Publishing needs the catalog's default locale.
        variants (list[ContentVariantInput]): Duration variants, 1–10, distinct durations.
        categories (list[str] | None | Unset): Categories (`sleep`, `stress`, `focus`, …): distinct lower-case slugs, at
            most 20.
        tags (list[str] | None | Unset): Free tags: distinct lower-case slugs, at most 20.
    """

    kind: ContentKind
    texts: list[ContentItemTextInput]
    variants: list[ContentVariantInput]
    categories: list[str] | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        texts = []
        for texts_item_data in self.texts:
            texts_item = texts_item_data.to_dict()
            texts.append(texts_item)

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        categories: list[str] | None | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        elif isinstance(self.categories, list):
            categories = self.categories

        else:
            categories = self.categories

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "texts": texts,
                "variants": variants,
            }
        )
        if categories is not UNSET:
            field_dict["categories"] = categories
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_item_text_input import ContentItemTextInput
        from ..models.content_variant_input import ContentVariantInput

        d = dict(src_dict)
        kind = ContentKind(d.pop("kind"))

        texts = []
        _texts = d.pop("texts")
        for texts_item_data in _texts:
            texts_item = ContentItemTextInput.from_dict(texts_item_data)

            texts.append(texts_item)

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = ContentVariantInput.from_dict(variants_item_data)

            variants.append(variants_item)

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

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        content_item_draft_input = cls(
            kind=kind,
            texts=texts,
            variants=variants,
            categories=categories,
            tags=tags,
        )

        return content_item_draft_input
