from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityAdminUser")


@_attrs_define
class IdentityAdminUser:
    """An account as an admin sees it.

    Attributes:
        active_sessions (int): How many of the account's sessions are not revoked (signed-in devices, including
            ones that lapsed unused).
        created_at (datetime.datetime): When the account was created. Example: 2026-11-26T09:30:00Z.
        email (str): The email address (domain in lower case).
        id (str): The user id. Example: usr_00000000000000000000000000.
        roles (list[Role]): The roles granted to the account (always includes `member`).
        disabled_at (datetime.datetime | None | Unset): When an admin disabled the account; absent while it is enabled.
            Example: 2026-11-26T09:30:00Z.
        display_name (None | str | Unset): The display name, if set.
        email_verified_at (datetime.datetime | None | Unset): When the member proved they own the email address; absent
            until then. Example: 2026-11-26T09:30:00Z.
    """

    active_sessions: int
    created_at: datetime.datetime
    email: str
    id: str
    roles: list[Role]
    disabled_at: datetime.datetime | None | Unset = UNSET
    display_name: None | str | Unset = UNSET
    email_verified_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_sessions = self.active_sessions

        created_at = self.created_at.isoformat()

        email = self.email

        id = self.id

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        disabled_at: None | str | Unset
        if isinstance(self.disabled_at, Unset):
            disabled_at = UNSET
        elif isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        email_verified_at: None | str | Unset
        if isinstance(self.email_verified_at, Unset):
            email_verified_at = UNSET
        elif isinstance(self.email_verified_at, datetime.datetime):
            email_verified_at = self.email_verified_at.isoformat()
        else:
            email_verified_at = self.email_verified_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_sessions": active_sessions,
                "created_at": created_at,
                "email": email,
                "id": id,
                "roles": roles,
            }
        )
        if disabled_at is not UNSET:
            field_dict["disabled_at"] = disabled_at
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if email_verified_at is not UNSET:
            field_dict["email_verified_at"] = email_verified_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        active_sessions = d.pop("active_sessions")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        id = d.pop("id")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = Role(roles_item_data)

            roles.append(roles_item)

        def _parse_disabled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_email_verified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                email_verified_at_type_0 = datetime.datetime.fromisoformat(data)

                return email_verified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        email_verified_at = _parse_email_verified_at(d.pop("email_verified_at", UNSET))

        identity_admin_user = cls(
            active_sessions=active_sessions,
            created_at=created_at,
            email=email,
            id=id,
            roles=roles,
            disabled_at=disabled_at,
            display_name=display_name,
            email_verified_at=email_verified_at,
        )

        identity_admin_user.additional_properties = d
        return identity_admin_user

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
