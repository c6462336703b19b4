from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_entitlement import BillingEntitlement
    from ..models.billing_grant import BillingGrant


T = TypeVar("T", bound="BillingEntitlements")


@_attrs_define
class BillingEntitlements:
    """A member's entitlements and the grants behind them.

    Attributes:
        at (datetime.datetime): The instant the answer is for. Example: 2026-11-26T09:30:00Z.
        entitlements (list[BillingEntitlement]): Every feature, with or without access.
        grants (list[BillingGrant]): The grants in force or to come, oldest first.
    """

    at: datetime.datetime
    entitlements: list[BillingEntitlement]
    grants: list[BillingGrant]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        entitlements = []
        for entitlements_item_data in self.entitlements:
            entitlements_item = entitlements_item_data.to_dict()
            entitlements.append(entitlements_item)

        grants = []
        for grants_item_data in self.grants:
            grants_item = grants_item_data.to_dict()
            grants.append(grants_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "entitlements": entitlements,
                "grants": grants,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_entitlement import BillingEntitlement
        from ..models.billing_grant import BillingGrant

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        entitlements = []
        _entitlements = d.pop("entitlements")
        for entitlements_item_data in _entitlements:
            entitlements_item = BillingEntitlement.from_dict(entitlements_item_data)

            entitlements.append(entitlements_item)

        grants = []
        _grants = d.pop("grants")
        for grants_item_data in _grants:
            grants_item = BillingGrant.from_dict(grants_item_data)

            grants.append(grants_item)

        billing_entitlements = cls(
            at=at,
            entitlements=entitlements,
            grants=grants,
        )

        billing_entitlements.additional_properties = d
        return billing_entitlements

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
