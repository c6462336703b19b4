from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.care_emergency_contact import CareEmergencyContact


T = TypeVar("T", bound="CareProfile")


@_attrs_define
class CareProfile:
    """The member's care profile (health data).

    Attributes:
        country (str): Country.
        languages (list[str]): Languages, preferred first.
        time_zone (str): IANA zone.
        updated_at (datetime.datetime): Last changed. Example: 2026-11-26T09:30:00Z.
        emergency_contact (CareEmergencyContact | Unset): Someone to call in an emergency.
        us_state (None | str | Unset): US state.
    """

    country: str
    languages: list[str]
    time_zone: str
    updated_at: datetime.datetime
    emergency_contact: CareEmergencyContact | Unset = UNSET
    us_state: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        languages = self.languages

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        emergency_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.emergency_contact, Unset):
            emergency_contact = self.emergency_contact.to_dict()

        us_state: None | str | Unset
        if isinstance(self.us_state, Unset):
            us_state = UNSET
        else:
            us_state = self.us_state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "languages": languages,
                "time_zone": time_zone,
                "updated_at": updated_at,
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

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        care_profile = cls(
            country=country,
            languages=languages,
            time_zone=time_zone,
            updated_at=updated_at,
            emergency_contact=emergency_contact,
            us_state=us_state,
        )

        care_profile.additional_properties = d
        return care_profile

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
