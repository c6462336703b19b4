from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingSetEmployerContract")


@_attrs_define
class BillingSetEmployerContract:
    """Body of `PUT /v1/billing/admin/employers/{organization_id}/contract`.

    Attributes:
        product_id (str): The product whose features the organization's members get. Example:
            prd_00000000000000000000000000.
        seats (int | None | Unset): How many members it sponsors at once, 1–1,000,000; `null`: the configured default
            (`billing.employer_default_seats`). A join beyond them is refused and waitlisted.
    """

    product_id: str
    seats: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        product_id = self.product_id

        seats: int | None | Unset
        if isinstance(self.seats, Unset):
            seats = UNSET
        else:
            seats = self.seats

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "product_id": product_id,
            }
        )
        if seats is not UNSET:
            field_dict["seats"] = seats

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        product_id = d.pop("product_id")

        def _parse_seats(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seats = _parse_seats(d.pop("seats", UNSET))

        billing_set_employer_contract = cls(
            product_id=product_id,
            seats=seats,
        )

        return billing_set_employer_contract
