from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityUpdateProfile")


@_attrs_define
class IdentityUpdateProfile:
    """`PATCH /v1/identity/me`: the profile fields to change. An absent field is left as it
    is; `null` clears `display_name`, `time_zone` or `locale`. Any other field (`id`,
    `email`, `roles`, `created_at`…) is rejected with `400`.

        Attributes:
            display_name (None | str | Unset): Display name, at most 100 characters (an empty one clears it).
            locale (None | str | Unset): BCP 47 language tag, e.g. `en-GB`; every subtag must be in the IANA registry (a
                rule the schema cannot express).
            marketing_consent (bool | None | Unset): Agree to (`true`) or withdraw from (`false`) marketing messages.
            time_zone (None | str | Unset): IANA time-zone name, e.g. `America/New_York`; it must exist in the time-zone
                database (a rule the schema cannot express).
    """

    display_name: None | str | Unset = UNSET
    locale: None | str | Unset = UNSET
    marketing_consent: bool | None | Unset = UNSET
    time_zone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale

        marketing_consent: bool | None | Unset
        if isinstance(self.marketing_consent, Unset):
            marketing_consent = UNSET
        else:
            marketing_consent = self.marketing_consent

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if locale is not UNSET:
            field_dict["locale"] = locale
        if marketing_consent is not UNSET:
            field_dict["marketing_consent"] = marketing_consent
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        def _parse_marketing_consent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        marketing_consent = _parse_marketing_consent(d.pop("marketing_consent", UNSET))

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        identity_update_profile = cls(
            display_name=display_name,
            locale=locale,
            marketing_consent=marketing_consent,
            time_zone=time_zone,
        )

        return identity_update_profile
