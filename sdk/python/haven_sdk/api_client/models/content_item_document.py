from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_kind import ContentKind

if TYPE_CHECKING:
    from ..models.content_item_text import ContentItemText
    from ..models.content_variant import ContentVariant


T = TypeVar("T", bound="ContentItemDocument")


@_attrs_define
class ContentItemDocument:
    """An item document (draft or published), every locale.

    Attributes:
        categories (list[str]): Categories, sorted.
        kind (ContentKind): What an item is.
        tags (list[str]): Tags, sorted.
        texts (list[ContentItemText]): Texts per locale, by locale.
        variants (list[ContentVariant]): Variants, shortest first.
    """

    categories: list[str]
    kind: ContentKind
    tags: list[str]
    texts: list[ContentItemText]
    variants: list[ContentVariant]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        categories = self.categories

        kind = self.kind.value

        tags = self.tags

        texts = []
        for texts_item_data in self.texts:
            texts_item = texts_item_data.to_dict()
            texts.append(texts_item)

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "categories": categories,
                "kind": kind,
                "tags": tags,
                "texts": texts,
                "variants": variants,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_item_text import ContentItemText
        from ..models.content_variant import ContentVariant

        d = dict(src_dict)
        categories = cast(list[str], d.pop("categories"))

        kind = ContentKind(d.pop("kind"))

        tags = cast(list[str], d.pop("tags"))

        texts = []
        _texts = d.pop("texts")
        for texts_item_data in _texts:
            texts_item = ContentItemText.from_dict(texts_item_data)

            texts.append(texts_item)

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = ContentVariant.from_dict(variants_item_data)

            variants.append(variants_item)

        content_item_document = cls(
            categories=categories,
            kind=kind,
            tags=tags,
            texts=texts,
            variants=variants,
        )

        content_item_document.additional_properties = d
        return content_item_document

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
