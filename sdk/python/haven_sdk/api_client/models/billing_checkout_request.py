from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BillingCheckoutRequest")


@_attrs_define
class BillingCheckoutRequest:
    """Body of `POST /v1/billing/checkout`.

    Attributes:
        price_id (str): The price to subscribe to (one of `GET /v1/billing/plans`, `purchasable`). Example:
            prc_00000000000000000000000000.
    """

    price_id: str

    def to_dict(self) -> dict[str, Any]:
        price_id = self.price_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "price_id": price_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        price_id = d.pop("price_id")

        billing_checkout_request = cls(
            price_id=price_id,
        )

        return billing_checkout_request
