from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identity_joined_via import IdentityJoinedVia
from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityMembership")


@_attrs_define
class IdentityMembership:
    """The caller's active organization membership (their sponsor).

    Attributes:
        id (str): The membership id. Example: mbr_00000000000000000000000000.
        joined_at (datetime.datetime): When the membership started. Example: 2026-11-26T09:30:00Z.
        organization_id (str): The sponsoring organization. Example: org_00000000000000000000000000.
        organization_name (str): Its display name.
        via (IdentityJoinedVia): How a member qualified for their membership.
        employee_id (None | str | Unset): The employee id joined with, when `via` is `employee_id`.
    """

    id: str
    joined_at: datetime.datetime
    organization_id: str
    organization_name: str
    via: IdentityJoinedVia
    employee_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        joined_at = self.joined_at.isoformat()

        organization_id = self.organization_id

        organization_name = self.organization_name

        via = self.via.value

        employee_id: None | str | Unset
        if isinstance(self.employee_id, Unset):
            employee_id = UNSET
        else:
            employee_id = self.employee_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "joined_at": joined_at,
                "organization_id": organization_id,
                "organization_name": organization_name,
                "via": via,
            }
        )
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))

        organization_id = d.pop("organization_id")

        organization_name = d.pop("organization_name")

        via = IdentityJoinedVia(d.pop("via"))

        def _parse_employee_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_id = _parse_employee_id(d.pop("employee_id", UNSET))

        identity_membership = cls(
            id=id,
            joined_at=joined_at,
            organization_id=organization_id,
            organization_name=organization_name,
            via=via,
            employee_id=employee_id,
        )

        identity_membership.additional_properties = d
        return identity_membership

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
