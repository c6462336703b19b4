from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_bio import ContentBio


T = TypeVar("T", bound="ContentAdminNarrator")


@_attrs_define
class ContentAdminNarrator:
    """A narrator as editors see it (every locale).

    Attributes:
        bios (list[ContentBio]): Biographies by locale.
        created_at (datetime.datetime): Created. Example: 2026-11-26T09:30:00Z.
        id (str): The id. Example: nar_00000000000000000000000000.
        name (str): Name.
        revision (int): Revision; the `ETag` is `"r{revision}"`.
        updated_at (datetime.datetime): Last changed. Example: 2026-11-26T09:30:00Z.
        photo_url (None | str | Unset): Photo URL.
    """

    bios: list[ContentBio]
    created_at: datetime.datetime
    id: str
    name: str
    revision: int
    updated_at: datetime.datetime
    photo_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bios = []
        for bios_item_data in self.bios:
            bios_item = bios_item_data.to_dict()
            bios.append(bios_item)

        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        revision = self.revision

        updated_at = self.updated_at.isoformat()

        photo_url: None | str | Unset
        if isinstance(self.photo_url, Unset):
            photo_url = UNSET
        else:
            photo_url = self.photo_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bios": bios,
                "created_at": created_at,
                "id": id,
                "name": name,
                "revision": revision,
                "updated_at": updated_at,
            }
        )
        if photo_url is not UNSET:
            field_dict["photo_url"] = photo_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_bio import ContentBio

        d = dict(src_dict)
        bios = []
        _bios = d.pop("bios")
        for bios_item_data in _bios:
            bios_item = ContentBio.from_dict(bios_item_data)

            bios.append(bios_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        name = d.pop("name")

        revision = d.pop("revision")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_photo_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        photo_url = _parse_photo_url(d.pop("photo_url", UNSET))

        content_admin_narrator = cls(
            bios=bios,
            created_at=created_at,
            id=id,
            name=name,
            revision=revision,
            updated_at=updated_at,
            photo_url=photo_url,
        )

        content_admin_narrator.additional_properties = d
        return content_admin_narrator

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
