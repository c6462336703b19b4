from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CareEmergencyContact")


@_attrs_define
class CareEmergencyContact:
    """Someone to call in an emergency.

    Attributes:
        name (str): Their name.
        phone (str): Their phone number.
        relationship (str): Who they are to the member (`partner`, `mother`, `friend`).
    """

    name: str
    phone: str
    relationship: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        phone = self.phone

        relationship = self.relationship

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "phone": phone,
                "relationship": relationship,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        phone = d.pop("phone")

        relationship = d.pop("relationship")

        care_emergency_contact = cls(
            name=name,
            phone=phone,
            relationship=relationship,
        )

        return care_emergency_contact
