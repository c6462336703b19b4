from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identity_joined_via import IdentityJoinedVia
from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityOrganizationMember")


@_attrs_define
class IdentityOrganizationMember:
    """An active member of an organization, as admins see it.

    Attributes:
        email (str): The member's email address.
        joined_at (datetime.datetime): When the membership started. Example: 2026-11-26T09:30:00Z.
        membership_id (str): The membership id. Example: mbr_00000000000000000000000000.
        user_id (str): The member's user id. Example: usr_00000000000000000000000000.
        via (IdentityJoinedVia): How a member qualified for their membership.
        employee_id (None | str | Unset): The employee id joined with, when `via` is `employee_id`.
    """

    email: str
    joined_at: datetime.datetime
    membership_id: str
    user_id: str
    via: IdentityJoinedVia
    employee_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        joined_at = self.joined_at.isoformat()

        membership_id = self.membership_id

        user_id = self.user_id

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
                "email": email,
                "joined_at": joined_at,
                "membership_id": membership_id,
                "user_id": user_id,
                "via": via,
            }
        )
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))

        membership_id = d.pop("membership_id")

        user_id = d.pop("user_id")

        via = IdentityJoinedVia(d.pop("via"))

        def _parse_employee_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_id = _parse_employee_id(d.pop("employee_id", UNSET))

        identity_organization_member = cls(
            email=email,
            joined_at=joined_at,
            membership_id=membership_id,
            user_id=user_id,
            via=via,
            employee_id=employee_id,
        )

        identity_organization_member.additional_properties = d
        return identity_organization_member

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
