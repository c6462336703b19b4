from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityJoinOrganization")


@_attrs_define
class IdentityJoinOrganization:
    """Body of `POST /v1/identity/me/organization`. Unknown fields are rejected.

    Attributes:
        organization_id (str): The organization to join (e.g. from the employer's invitation link). Example:
            org_00000000000000000000000000.
        employee_id (None | str | Unset): The employee id from the employer's eligibility list, when joining by it (at
            most
            64 characters; compared exactly, spaces around it ignored).
    """

    organization_id: str
    employee_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        organization_id = self.organization_id

        employee_id: None | str | Unset
        if isinstance(self.employee_id, Unset):
            employee_id = UNSET
        else:
            employee_id = self.employee_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "organization_id": organization_id,
            }
        )
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        organization_id = d.pop("organization_id")

        def _parse_employee_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_id = _parse_employee_id(d.pop("employee_id", UNSET))

        identity_join_organization = cls(
            organization_id=organization_id,
            employee_id=employee_id,
        )

        return identity_join_organization
