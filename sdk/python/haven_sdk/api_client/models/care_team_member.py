from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_provider_type import CareProviderType

T = TypeVar("T", bound="CareTeamMember")


@_attrs_define
class CareTeamMember:
    """A provider on the member's care team.

    Attributes:
        display_name (str): Name.
        provider_id (str): The provider. Example: prv_00000000000000000000000000.
        provider_type (CareProviderType): The kind of care a provider gives.
        since (datetime.datetime): Since the first booking. Example: 2026-11-26T09:30:00Z.
    """

    display_name: str
    provider_id: str
    provider_type: CareProviderType
    since: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        provider_id = self.provider_id

        provider_type = self.provider_type.value

        since = self.since.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "display_name": display_name,
                "provider_id": provider_id,
                "provider_type": provider_type,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        provider_id = d.pop("provider_id")

        provider_type = CareProviderType(d.pop("provider_type"))

        since = datetime.datetime.fromisoformat(d.pop("since"))

        care_team_member = cls(
            display_name=display_name,
            provider_id=provider_id,
            provider_type=provider_type,
            since=since,
        )

        care_team_member.additional_properties = d
        return care_team_member

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
