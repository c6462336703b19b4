from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_specialty import CareSpecialty
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.care_provider import CareProvider


T = TypeVar("T", bound="CareMatch")


@_attrs_define
class CareMatch:
    """One ranked provider.

    Attributes:
        provider (CareProvider): A provider in the member directory: no license numbers, only where the provider is
            licensed today.
        reasons (list[str]): Why they are listed: `licensed_in:US-CA`, `speaks:es`, `accepting_new_members` or
            `on_care_team`, `specialty:anxiety`, `available:2026-12-01T09:00:00Z`.
        specialties_matched (list[CareSpecialty]): The requested specialties they work on.
        soonest_slot (datetime.datetime | None | Unset): Their soonest free start within 14 days, if any. Example:
            2026-11-26T09:30:00Z.
    """

    provider: CareProvider
    reasons: list[str]
    specialties_matched: list[CareSpecialty]
    soonest_slot: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider.to_dict()

        reasons = self.reasons

        specialties_matched = []
        for specialties_matched_item_data in self.specialties_matched:
            specialties_matched_item = specialties_matched_item_data.value
            specialties_matched.append(specialties_matched_item)

        soonest_slot: None | str | Unset
        if isinstance(self.soonest_slot, Unset):
            soonest_slot = UNSET
        elif isinstance(self.soonest_slot, datetime.datetime):
            soonest_slot = self.soonest_slot.isoformat()
        else:
            soonest_slot = self.soonest_slot

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider": provider,
                "reasons": reasons,
                "specialties_matched": specialties_matched,
            }
        )
        if soonest_slot is not UNSET:
            field_dict["soonest_slot"] = soonest_slot

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_provider import CareProvider

        d = dict(src_dict)
        provider = CareProvider.from_dict(d.pop("provider"))

        reasons = cast(list[str], d.pop("reasons"))

        specialties_matched = []
        _specialties_matched = d.pop("specialties_matched")
        for specialties_matched_item_data in _specialties_matched:
            specialties_matched_item = CareSpecialty(specialties_matched_item_data)

            specialties_matched.append(specialties_matched_item)

        def _parse_soonest_slot(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                soonest_slot_type_0 = datetime.datetime.fromisoformat(data)

                return soonest_slot_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        soonest_slot = _parse_soonest_slot(d.pop("soonest_slot", UNSET))

        care_match = cls(
            provider=provider,
            reasons=reasons,
            specialties_matched=specialties_matched,
            soonest_slot=soonest_slot,
        )

        care_match.additional_properties = d
        return care_match

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
