from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingWaitlistEntry")


@_attrs_define
class BillingWaitlistEntry:
    """A member waiting for a seat.

    Attributes:
        id (str): The place on the list (`bwl_…`); earlier places come first. Example: bwl_00000000000000000000000000.
        requested_at (datetime.datetime): When they asked to join. Example: 2026-11-26T09:30:00Z.
        user_id (str): The member. Example: usr_00000000000000000000000000.
        membership_id (None | str | Unset): Their membership (identity's id) when they are a member already, waiting for
            a seat
            to free up; `null` when their join was refused (`409 seats_full`). Example: mbr_00000000000000000000000000.
    """

    id: str
    requested_at: datetime.datetime
    user_id: str
    membership_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        requested_at = self.requested_at.isoformat()

        user_id = self.user_id

        membership_id: None | str | Unset
        if isinstance(self.membership_id, Unset):
            membership_id = UNSET
        else:
            membership_id = self.membership_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "requested_at": requested_at,
                "user_id": user_id,
            }
        )
        if membership_id is not UNSET:
            field_dict["membership_id"] = membership_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        user_id = d.pop("user_id")

        def _parse_membership_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        membership_id = _parse_membership_id(d.pop("membership_id", UNSET))

        billing_waitlist_entry = cls(
            id=id,
            requested_at=requested_at,
            user_id=user_id,
            membership_id=membership_id,
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
