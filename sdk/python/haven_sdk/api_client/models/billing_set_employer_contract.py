from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BillingSetEmployerContract")


@_attrs_define
class BillingSetEmployerContract:
    """Body of `PUT /v1/billing/admin/employers/{organization_id}/contract`.

    Attributes:
        product_id (str): The product whose features the organization's members get. Example:
            prd_00000000000000000000000000.
        seats (int): How many members it sponsors at once, 1–1,000,000.
    """

    product_id: str
    seats: int

    def to_dict(self) -> dict[str, Any]:
        product_id = self.product_id

        seats = self.seats

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "product_id": product_id,
                "seats": seats,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        product_id = d.pop("product_id")

        seats = d.pop("seats")

        billing_set_employer_contract = cls(
            product_id=product_id,
            seats=seats,
        )

        return billing_set_employer_contract
