from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_provider_type import CareProviderType
from ..models.care_specialty import CareSpecialty

if TYPE_CHECKING:
    from ..models.care_license import CareLicense


T = TypeVar("T", bound="CareProviderAdmin")


@_attrs_define
class CareProviderAdmin:
    """A provider profile as admins see it (license numbers included).

    Attributes:
        accepting_new (bool): Whether new members may book.
        bio (str): Shown to members.
        created_at (datetime.datetime): Created. Example: 2026-11-26T09:30:00Z.
        display_name (str): Shown to members.
        id (str): The profile. Example: prv_00000000000000000000000000.
        languages (list[str]): Languages spoken.
        licenses (list[CareLicense]): Licenses.
        provider_type (CareProviderType): The kind of care a provider gives.
        specialties (list[CareSpecialty]): What the provider works on.
        time_zone (str): IANA zone of the provider's hours.
        updated_at (datetime.datetime): Last changed. Example: 2026-11-26T09:30:00Z.
        user_id (str): The identity account. Example: usr_00000000000000000000000000.
    """

    accepting_new: bool
    bio: str
    created_at: datetime.datetime
    display_name: str
    id: str
    languages: list[str]
    licenses: list[CareLicense]
    provider_type: CareProviderType
    specialties: list[CareSpecialty]
    time_zone: str
    updated_at: datetime.datetime
    user_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepting_new = self.accepting_new

        bio = self.bio

        created_at = self.created_at.isoformat()

        display_name = self.display_name

        id = self.id

        languages = self.languages

        licenses = []
        for licenses_item_data in self.licenses:
            licenses_item = licenses_item_data.to_dict()
            licenses.append(licenses_item)

        provider_type = self.provider_type.value

        specialties = []
        for specialties_item_data in self.specialties:
            specialties_item = specialties_item_data.value
            specialties.append(specialties_item)

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepting_new": accepting_new,
                "bio": bio,
                "created_at": created_at,
                "display_name": display_name,
                "id": id,
                "languages": languages,
                "licenses": licenses,
                "provider_type": provider_type,
                "specialties": specialties,
                "time_zone": time_zone,
                "updated_at": updated_at,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_license import CareLicense

        d = dict(src_dict)
        accepting_new = d.pop("accepting_new")

        bio = d.pop("bio")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        display_name = d.pop("display_name")

        id = d.pop("id")

        languages = cast(list[str], d.pop("languages"))

        licenses = []
        _licenses = d.pop("licenses")
        for licenses_item_data in _licenses:
            licenses_item = CareLicense.from_dict(licenses_item_data)

            licenses.append(licenses_item)

        provider_type = CareProviderType(d.pop("provider_type"))

        specialties = []
        _specialties = d.pop("specialties")
        for specialties_item_data in _specialties:
            specialties_item = CareSpecialty(specialties_item_data)

            specialties.append(specialties_item)

        time_zone = d.pop("time_zone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        user_id = d.pop("user_id")

        care_provider_admin = cls(
            accepting_new=accepting_new,
            bio=bio,
            created_at=created_at,
            display_name=display_name,
            id=id,
            languages=languages,
            licenses=licenses,
            provider_type=provider_type,
            specialties=specialties,
            time_zone=time_zone,
            updated_at=updated_at,
            user_id=user_id,
        )

        care_provider_admin.additional_properties = d
        return care_provider_admin

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
