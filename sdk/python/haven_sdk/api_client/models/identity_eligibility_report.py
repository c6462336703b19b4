from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IdentityEligibilityReport")


@_attrs_define
class IdentityEligibilityReport:
    """What an accepted eligibility upload did.

    Attributes:
        entries (int): Entries on the new list (it replaced the previous one).
        memberships_ended (int): Memberships ended because the member is no longer on the list
            (`eligibility_removed`).
    """

    entries: int
    memberships_ended: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entries = self.entries

        memberships_ended = self.memberships_ended

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entries": entries,
                "memberships_ended": memberships_ended,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entries = d.pop("entries")

        memberships_ended = d.pop("memberships_ended")

        identity_eligibility_report = cls(
            entries=entries,
            memberships_ended=memberships_ended,
        )

        identity_eligibility_report.additional_properties = d
        return identity_eligibility_report

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
