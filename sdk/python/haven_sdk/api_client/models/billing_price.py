from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_interval import BillingInterval
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="BillingPrice")


@_attrs_define
class BillingPrice:
    """A price of a product.

    Attributes:
        active (bool): Whether it is sold.
        amount (BillingMoney): An amount of money.
        created_at (datetime.datetime): When it was created. Example: 2026-11-26T09:30:00Z.
        id (str): The price id. Example: prc_00000000000000000000000000.
        interval (BillingInterval): How often a price is charged.
        product_id (str): The product bought. Example: prd_00000000000000000000000000.
        purchasable (bool): Whether checkout can sell it (a Stripe price is linked).
        trial_days (int): Free days before the first charge.
        app_store_product_id (None | str | Unset): The App Store product the app sells at this price, if any.
        play_product_id (None | str | Unset): The Google Play product the app sells at this price, if any.
    """

    active: bool
    amount: BillingMoney
    created_at: datetime.datetime
    id: str
    interval: BillingInterval
    product_id: str
    purchasable: bool
    trial_days: int
    app_store_product_id: None | str | Unset = UNSET
    play_product_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        amount = self.amount.to_dict()

        created_at = self.created_at.isoformat()

        id = self.id

        interval = self.interval.value

        product_id = self.product_id

        purchasable = self.purchasable

        trial_days = self.trial_days

        app_store_product_id: None | str | Unset
        if isinstance(self.app_store_product_id, Unset):
            app_store_product_id = UNSET
        else:
            app_store_product_id = self.app_store_product_id

        play_product_id: None | str | Unset
        if isinstance(self.play_product_id, Unset):
            play_product_id = UNSET
        else:
            play_product_id = self.play_product_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "amount": amount,
                "created_at": created_at,
                "id": id,
                "interval": interval,
                "product_id": product_id,
                "purchasable": purchasable,
                "trial_days": trial_days,
            }
        )
        if app_store_product_id is not UNSET:
            field_dict["app_store_product_id"] = app_store_product_id
        if play_product_id is not UNSET:
            field_dict["play_product_id"] = play_product_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        active = d.pop("active")

        amount = BillingMoney.from_dict(d.pop("amount"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        interval = BillingInterval(d.pop("interval"))

        product_id = d.pop("product_id")

        purchasable = d.pop("purchasable")

        trial_days = d.pop("trial_days")

        def _parse_app_store_product_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        app_store_product_id = _parse_app_store_product_id(
            d.pop("app_store_product_id", UNSET)
        )

        def _parse_play_product_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        play_product_id = _parse_play_product_id(d.pop("play_product_id", UNSET))

        billing_price = cls(
            active=active,
            amount=amount,
            created_at=created_at,
            id=id,
            interval=interval,
            product_id=product_id,
            purchasable=purchasable,
            trial_days=trial_days,
            app_store_product_id=app_store_product_id,
            play_product_id=play_product_id,
        )

        billing_price.additional_properties = d
        return billing_price

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
