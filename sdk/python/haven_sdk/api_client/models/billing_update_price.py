from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BillingUpdatePrice")


@_attrs_define
class BillingUpdatePrice:
    """`PATCH /v1/billing/admin/prices/{price_id}`.

    Attributes:
        active (bool): Whether the price is sold.
    """

    active: bool

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        active = d.pop("active")

        billing_update_price = cls(
            active=active,
        )

        return billing_update_price
