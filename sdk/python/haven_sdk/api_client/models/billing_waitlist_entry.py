from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BillingWaitlistEntry")


@_attrs_define
class BillingWaitlistEntry:
    """A member waiting for a seat.

    Attributes:
        joined_at (datetime.datetime): When they joined the organization. Example: 2026-11-26T09:30:00Z.
        membership_id (str): The membership (identity's id). Example: mbr_00000000000000000000000000.
        user_id (str): The member. Example: usr_00000000000000000000000000.
    """

    joined_at: datetime.datetime
    membership_id: str
    user_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        joined_at = self.joined_at.isoformat()

        membership_id = self.membership_id

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "joined_at": joined_at,
                "membership_id": membership_id,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))

        membership_id = d.pop("membership_id")

        user_id = d.pop("user_id")

        billing_waitlist_entry = cls(
            joined_at=joined_at,
            membership_id=membership_id,
            user_id=user_id,
        )

        billing_waitlist_entry.additional_properties = d
        return billing_waitlist_entry

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
