from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.care_emergency_contact import CareEmergencyContact


T = TypeVar("T", bound="CareProfileInput")


@_attrs_define
class CareProfileInput:
    """Body of `PUT /v1/care/me/profile`.

    Attributes:
        country (str): ISO 3166-1 alpha-2 country where the member lives (`US`, `DE`).
        languages (list[str]): Languages the member is comfortable in, distinct BCP 47 tags, preferred first.
        time_zone (str): IANA zone slots are shown in (`America/New_York`); it must exist.
        emergency_contact (CareEmergencyContact | Unset): Someone to call in an emergency.
        us_state (None | str | Unset): USPS code of the US state where the member lives: required when `country` is
            `US`, `null` otherwise.
    """

    country: str
    languages: list[str]
    time_zone: str
    emergency_contact: CareEmergencyContact | Unset = UNSET
    us_state: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        languages = self.languages

        time_zone = self.time_zone

        emergency_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.emergency_contact, Unset):
            emergency_contact = self.emergency_contact.to_dict()

        us_state: None | str | Unset
        if isinstance(self.us_state, Unset):
            us_state = UNSET
        else:
            us_state = self.us_state

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country": country,
                "languages": languages,
                "time_zone": time_zone,
            }
        )
        if emergency_contact is not UNSET:
            field_dict["emergency_contact"] = emergency_contact
        if us_state is not UNSET:
            field_dict["us_state"] = us_state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_emergency_contact import CareEmergencyContact

        d = dict(src_dict)
        country = d.pop("country")

        languages = cast(list[str], d.pop("languages"))

        time_zone = d.pop("time_zone")

        _emergency_contact = d.pop("emergency_contact", UNSET)
        emergency_contact: CareEmergencyContact | Unset
        if isinstance(_emergency_contact, Unset):
            emergency_contact = UNSET
        else:
            emergency_contact = CareEmergencyContact.from_dict(_emergency_contact)

        def _parse_us_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        us_state = _parse_us_state(d.pop("us_state", UNSET))

        care_profile_input = cls(
            country=country,
            languages=languages,
            time_zone=time_zone,
            emergency_contact=emergency_contact,
            us_state=us_state,
        )

        return care_profile_input
