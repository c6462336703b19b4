from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_provider_type import CareProviderType
from ..models.care_specialty import CareSpecialty

T = TypeVar("T", bound="CareProvider")


@_attrs_define
class CareProvider:
    """A provider in the member directory: no license numbers, only where the provider is
    licensed today.

        Attributes:
            accepting_new (bool): Whether new members may book.
            bio (str): Biography.
            display_name (str): Name.
            id (str): The profile. Example: prv_00000000000000000000000000.
            languages (list[str]): Languages spoken (BCP 47).
            licensed_in (list[str]): Jurisdictions with a license valid today (`US-CA`, `DE`).
            provider_type (CareProviderType): The kind of care a provider gives.
            specialties (list[CareSpecialty]): What the provider works on.
            time_zone (str): IANA zone of the provider's hours.
    """

    accepting_new: bool
    bio: str
    display_name: str
    id: str
    languages: list[str]
    licensed_in: list[str]
    provider_type: CareProviderType
    specialties: list[CareSpecialty]
    time_zone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepting_new = self.accepting_new

        bio = self.bio

        display_name = self.display_name

        id = self.id

        languages = self.languages

        licensed_in = self.licensed_in

        provider_type = self.provider_type.value

        specialties = []
        for specialties_item_data in self.specialties:
            specialties_item = specialties_item_data.value
            specialties.append(specialties_item)

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepting_new": accepting_new,
                "bio": bio,
                "display_name": display_name,
                "id": id,
                "languages": languages,
                "licensed_in": licensed_in,
                "provider_type": provider_type,
                "specialties": specialties,
                "time_zone": time_zone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accepting_new = d.pop("accepting_new")

        bio = d.pop("bio")

        display_name = d.pop("display_name")

        id = d.pop("id")

        languages = cast(list[str], d.pop("languages"))

        licensed_in = cast(list[str], d.pop("licensed_in"))

        provider_type = CareProviderType(d.pop("provider_type"))

        specialties = []
        _specialties = d.pop("specialties")
        for specialties_item_data in _specialties:
            specialties_item = CareSpecialty(specialties_item_data)

            specialties.append(specialties_item)

        time_zone = d.pop("time_zone")

        care_provider = cls(
            accepting_new=accepting_new,
            bio=bio,
            display_name=display_name,
            id=id,
            languages=languages,
            licensed_in=licensed_in,
            provider_type=provider_type,
            specialties=specialties,
            time_zone=time_zone,
        )

        care_provider.additional_properties = d
        return care_provider

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
