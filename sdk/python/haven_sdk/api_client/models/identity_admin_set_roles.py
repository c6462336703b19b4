from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.role import Role

T = TypeVar("T", bound="IdentityAdminSetRoles")


@_attrs_define
class IdentityAdminSetRoles:
    """Body of `PUT /v1/identity/admin/users/{user_id}/roles`: the complete new set of
    roles. It must include `member` and list each role once; any other field is `400`.

        Attributes:
            roles (list[Role]): Every role the account is to hold, e.g. `["member", "coach"]`; it must include
                `member` (a rule the schema cannot express in OpenAPI 3.0).
    """

    roles: list[Role]

    def to_dict(self) -> dict[str, Any]:
        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "roles": roles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = Role(roles_item_data)

            roles.append(roles_item)

        identity_admin_set_roles = cls(
            roles=roles,
        )

        return identity_admin_set_roles
