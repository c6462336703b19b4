from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityOrganization")


@_attrs_define
class IdentityOrganization:
    """An organization (an employer that sponsors members).

    Attributes:
        allowed_domains (list[str]): Allowed work-email domains, sorted.
        created_at (datetime.datetime): When the organization was created. Example: 2026-11-26T09:30:00Z.
        eligibility_entries (int): Entries on the current eligibility list (0 if none was uploaded).
        id (str): The organization id. Example: org_00000000000000000000000000.
        name (str): Display name.
        updated_at (datetime.datetime): When it last changed. Example: 2026-11-26T09:30:00Z.
        eligibility_uploaded_at (datetime.datetime | None | Unset): When the current eligibility list was uploaded;
            absent if never. Example: 2026-11-26T09:30:00Z.
    """

    allowed_domains: list[str]
    created_at: datetime.datetime
    eligibility_entries: int
    id: str
    name: str
    updated_at: datetime.datetime
    eligibility_uploaded_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed_domains = self.allowed_domains

        created_at = self.created_at.isoformat()

        eligibility_entries = self.eligibility_entries

        id = self.id

        name = self.name

        updated_at = self.updated_at.isoformat()

        eligibility_uploaded_at: None | str | Unset
        if isinstance(self.eligibility_uploaded_at, Unset):
            eligibility_uploaded_at = UNSET
        elif isinstance(self.eligibility_uploaded_at, datetime.datetime):
            eligibility_uploaded_at = self.eligibility_uploaded_at.isoformat()
        else:
            eligibility_uploaded_at = self.eligibility_uploaded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed_domains": allowed_domains,
                "created_at": created_at,
                "eligibility_entries": eligibility_entries,
                "id": id,
                "name": name,
                "updated_at": updated_at,
            }
        )
        if eligibility_uploaded_at is not UNSET:
            field_dict["eligibility_uploaded_at"] = eligibility_uploaded_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        allowed_domains = cast(list[str], d.pop("allowed_domains"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        eligibility_entries = d.pop("eligibility_entries")

        id = d.pop("id")

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_eligibility_uploaded_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                eligibility_uploaded_at_type_0 = datetime.datetime.fromisoformat(data)

                return eligibility_uploaded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        eligibility_uploaded_at = _parse_eligibility_uploaded_at(
            d.pop("eligibility_uploaded_at", UNSET)
        )

        identity_organization = cls(
            allowed_domains=allowed_domains,
            created_at=created_at,
            eligibility_entries=eligibility_entries,
            id=id,
            name=name,
            updated_at=updated_at,
            eligibility_uploaded_at=eligibility_uploaded_at,
        )

        identity_organization.additional_properties = d
        return identity_organization

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
