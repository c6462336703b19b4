from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_price import BillingPrice
    from ..models.billing_product_features import BillingProductFeatures


T = TypeVar("T", bound="BillingProduct")


@_attrs_define
class BillingProduct:
    """A product (a plan) with its features and prices.

    Attributes:
        active (bool): Whether it is sold.
        code (str): Stable handle.
        created_at (datetime.datetime): When it was created. Example: 2026-11-26T09:30:00Z.
        description (str): Description shown to members.
        features (BillingProductFeatures): What a product grants. Counted features carry their yearly number of
            sessions.
        id (str): The product id. Example: prd_00000000000000000000000000.
        name (str): Display name.
        prices (list[BillingPrice]): Its prices, oldest first (members see the active ones only).
        updated_at (datetime.datetime): When it last changed. Example: 2026-11-26T09:30:00Z.
    """

    active: bool
    code: str
    created_at: datetime.datetime
    description: str
    features: BillingProductFeatures
    id: str
    name: str
    prices: list[BillingPrice]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        code = self.code

        created_at = self.created_at.isoformat()

        description = self.description

        features = self.features.to_dict()

        id = self.id

        name = self.name

        prices = []
        for prices_item_data in self.prices:
            prices_item = prices_item_data.to_dict()
            prices.append(prices_item)

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "code": code,
                "created_at": created_at,
                "description": description,
                "features": features,
                "id": id,
                "name": name,
                "prices": prices,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_price import BillingPrice
        from ..models.billing_product_features import BillingProductFeatures

        d = dict(src_dict)
        active = d.pop("active")

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        features = BillingProductFeatures.from_dict(d.pop("features"))

        id = d.pop("id")

        name = d.pop("name")

        prices = []
        _prices = d.pop("prices")
        for prices_item_data in _prices:
            prices_item = BillingPrice.from_dict(prices_item_data)

            prices.append(prices_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        billing_product = cls(
            active=active,
            code=code,
            created_at=created_at,
            description=description,
            features=features,
            id=id,
            name=name,
            prices=prices,
            updated_at=updated_at,
        )

        billing_product.additional_properties = d
        return billing_product

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
