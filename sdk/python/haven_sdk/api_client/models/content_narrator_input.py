from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_bio_input import ContentBioInput


T = TypeVar("T", bound="ContentNarratorInput")


@_attrs_define
class ContentNarratorInput:
    """A narrator as editors set it (`POST` creates, `PUT` replaces).

    Attributes:
        name (str): Display name, 1–100 characters.
        bios (list[ContentBioInput] | None | Unset): Biographies, one per locale, at most 20.
        photo_url (None | str | Unset): Photo, an `https://` URL of at most 500 characters.
    """

    name: str
    bios: list[ContentBioInput] | None | Unset = UNSET
    photo_url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        bios: list[dict[str, Any]] | None | Unset
        if isinstance(self.bios, Unset):
            bios = UNSET
        elif isinstance(self.bios, list):
            bios = []
            for bios_type_0_item_data in self.bios:
                bios_type_0_item = bios_type_0_item_data.to_dict()
                bios.append(bios_type_0_item)

        else:
            bios = self.bios

        photo_url: None | str | Unset
        if isinstance(self.photo_url, Unset):
            photo_url = UNSET
        else:
            photo_url = self.photo_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if bios is not UNSET:
            field_dict["bios"] = bios
        if photo_url is not UNSET:
            field_dict["photo_url"] = photo_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_bio_input import ContentBioInput

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_bios(data: object) -> list[ContentBioInput] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                bios_type_0 = []
                _bios_type_0 = data
                for bios_type_0_item_data in _bios_type_0:
                    bios_type_0_item = ContentBioInput.from_dict(bios_type_0_item_data)

                    bios_type_0.append(bios_type_0_item)

                return bios_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContentBioInput] | None | Unset, data)

        bios = _parse_bios(d.pop("bios", UNSET))

        def _parse_photo_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        photo_url = _parse_photo_url(d.pop("photo_url", UNSET))

        content_narrator_input = cls(
            name=name,
            bios=bios,
            photo_url=photo_url,
        )

        return content_narrator_input
