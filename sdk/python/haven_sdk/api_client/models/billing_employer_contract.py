from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BillingEmployerContract")


@_attrs_define
class BillingEmployerContract:
    """An organization's billing contract.

    Attributes:
        organization_id (str): The organization (identity's id). Example: org_00000000000000000000000000.
        product_id (str): The product its members get. Example: prd_00000000000000000000000000.
        seated (int): Seats taken now.
        seats (int): Seats in the contract.
        updated_at (datetime.datetime): When the contract last changed. Example: 2026-11-26T09:30:00Z.
    """

    organization_id: str
    product_id: str
    seated: int
    seats: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organization_id = self.organization_id

        product_id = self.product_id

        seated = self.seated

        seats = self.seats

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organization_id": organization_id,
                "product_id": product_id,
                "seated": seated,
                "seats": seats,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        organization_id = d.pop("organization_id")

        product_id = d.pop("product_id")

        seated = d.pop("seated")

        seats = d.pop("seats")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        billing_employer_contract = cls(
            organization_id=organization_id,
            product_id=product_id,
            seated=seated,
            seats=seats,
            updated_at=updated_at,
        )

        billing_employer_contract.additional_properties = d
        return billing_employer_contract

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
