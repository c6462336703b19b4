from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityUser")


@_attrs_define
class IdentityUser:
    """A user account.

    Attributes:
        created_at (datetime.datetime): When the account was created. Example: 2026-11-26T09:30:00Z.
        email (str): The email address (domain in lower case).
        id (str): The user id. Example: usr_00000000000000000000000000.
        marketing_consent (bool): Whether the member agreed to marketing messages.
        roles (list[Role]): The roles granted to the account.
        display_name (None | str | Unset): The display name, if set.
        email_verified_at (datetime.datetime | None | Unset): When the member proved they own the email address; absent
            until then. Example: 2026-11-26T09:30:00Z.
        locale (None | str | Unset): BCP 47 language tag, e.g. `fr-CA`, if set.
        marketing_consent_at (datetime.datetime | None | Unset): When `marketing_consent` last changed; absent if it
            never did. Example: 2026-11-26T09:30:00Z.
        time_zone (None | str | Unset): IANA time-zone name, e.g. `Europe/Paris`, if set.
    """

    created_at: datetime.datetime
    email: str
    id: str
    marketing_consent: bool
    roles: list[Role]
    display_name: None | str | Unset = UNSET
    email_verified_at: datetime.datetime | None | Unset = UNSET
    locale: None | str | Unset = UNSET
    marketing_consent_at: datetime.datetime | None | Unset = UNSET
    time_zone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        id = self.id

        marketing_consent = self.marketing_consent

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

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

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale

        marketing_consent_at: None | str | Unset
        if isinstance(self.marketing_consent_at, Unset):
            marketing_consent_at = UNSET
        elif isinstance(self.marketing_consent_at, datetime.datetime):
            marketing_consent_at = self.marketing_consent_at.isoformat()
        else:
            marketing_consent_at = self.marketing_consent_at

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "id": id,
                "marketing_consent": marketing_consent,
                "roles": roles,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if email_verified_at is not UNSET:
            field_dict["email_verified_at"] = email_verified_at
        if locale is not UNSET:
            field_dict["locale"] = locale
        if marketing_consent_at is not UNSET:
            field_dict["marketing_consent_at"] = marketing_consent_at
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        id = d.pop("id")

        marketing_consent = d.pop("marketing_consent")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = Role(roles_item_data)

            roles.append(roles_item)

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

        def _parse_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        def _parse_marketing_consent_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                marketing_consent_at_type_0 = datetime.datetime.fromisoformat(data)

                return marketing_consent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        marketing_consent_at = _parse_marketing_consent_at(
            d.pop("marketing_consent_at", UNSET)
        )

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        identity_user = cls(
            created_at=created_at,
            email=email,
            id=id,
            marketing_consent=marketing_consent,
            roles=roles,
            display_name=display_name,
            email_verified_at=email_verified_at,
            locale=locale,
            marketing_consent_at=marketing_consent_at,
            time_zone=time_zone,
        )

        identity_user.additional_properties = d
        return identity_user

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
