from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.care_provider_type import CareProviderType
from ..models.care_specialty import CareSpecialty

if TYPE_CHECKING:
    from ..models.care_license import CareLicense


T = TypeVar("T", bound="CareProviderInput")


@_attrs_define
class CareProviderInput:
    """Body of `POST /v1/care/admin/providers` and `PUT /v1/care/admin/providers/{id}`.

    Attributes:
        accepting_new (bool): Whether members not yet on the provider's care teams may book.
        bio (str): Shown to members.
        display_name (str): Shown to members.
        languages (list[str]): Languages spoken, distinct BCP 47 tags.
        licenses (list[CareLicense]): Licenses (therapists and psychiatrists need one where the member lives).
        provider_type (CareProviderType): The kind of care a provider gives.
        specialties (list[CareSpecialty]): What the provider works on, distinct.
        time_zone (str): IANA zone of the provider's hours (`Europe/Berlin`); it must exist.
        user_id (str): The identity account; it must hold role `coach` (coaches) or `clinician`
            (therapists, psychiatrists). Fixed once created. Example: usr_00000000000000000000000000.
    """

    accepting_new: bool
    bio: str
    display_name: str
    languages: list[str]
    licenses: list[CareLicense]
    provider_type: CareProviderType
    specialties: list[CareSpecialty]
    time_zone: str
    user_id: str

    def to_dict(self) -> dict[str, Any]:
        accepting_new = self.accepting_new

        bio = self.bio

        display_name = self.display_name

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

        user_id = self.user_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accepting_new": accepting_new,
                "bio": bio,
                "display_name": display_name,
                "languages": languages,
                "licenses": licenses,
                "provider_type": provider_type,
                "specialties": specialties,
                "time_zone": time_zone,
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

        display_name = d.pop("display_name")

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

        user_id = d.pop("user_id")

        care_provider_input = cls(
            accepting_new=accepting_new,
            bio=bio,
            display_name=display_name,
            languages=languages,
            licenses=licenses,
            provider_type=provider_type,
            specialties=specialties,
            time_zone=time_zone,
            user_id=user_id,
        )

        return care_provider_input
