from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.billing_interval import BillingInterval
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingCreatePrice")


@_attrs_define
class BillingCreatePrice:
    """Body of `POST /v1/billing/admin/products/{product_id}/prices`.

    Attributes:
        amount_minor (int): The amount in the currency's minor unit, 0–100,000,000.
        currency (str): ISO 4217 currency code, upper case (it must be an active code).
        interval (BillingInterval): How often a price is charged.
        app_store_product_id (None | str | Unset): The App Store product (`productId`) sold at this price, unique;
            absent: not sold
            in the App Store.
        play_product_id (None | str | Unset): The Google Play subscription product sold at this price, unique; absent:
            not sold
            on Google Play.
        stripe_price_id (None | str | Unset): The Stripe price checkout sells (`price_…`), unique; absent: not sold
            through
            Stripe.
        trial_days (int | None | Unset): Free days before the first charge, 0–365; absent: none.
    """

    amount_minor: int
    currency: str
    interval: BillingInterval
    app_store_product_id: None | str | Unset = UNSET
    play_product_id: None | str | Unset = UNSET
    stripe_price_id: None | str | Unset = UNSET
    trial_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        currency = self.currency

        interval = self.interval.value

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

        stripe_price_id: None | str | Unset
        if isinstance(self.stripe_price_id, Unset):
            stripe_price_id = UNSET
        else:
            stripe_price_id = self.stripe_price_id

        trial_days: int | None | Unset
        if isinstance(self.trial_days, Unset):
            trial_days = UNSET
        else:
            trial_days = self.trial_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_minor": amount_minor,
                "currency": currency,
                "interval": interval,
            }
        )
        if app_store_product_id is not UNSET:
            field_dict["app_store_product_id"] = app_store_product_id
        if play_product_id is not UNSET:
            field_dict["play_product_id"] = play_product_id
        if stripe_price_id is not UNSET:
            field_dict["stripe_price_id"] = stripe_price_id
        if trial_days is not UNSET:
            field_dict["trial_days"] = trial_days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        currency = d.pop("currency")

        interval = BillingInterval(d.pop("interval"))

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

        def _parse_stripe_price_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stripe_price_id = _parse_stripe_price_id(d.pop("stripe_price_id", UNSET))

        def _parse_trial_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        trial_days = _parse_trial_days(d.pop("trial_days", UNSET))

        billing_create_price = cls(
            amount_minor=amount_minor,
            currency=currency,
            interval=interval,
            app_store_product_id=app_store_product_id,
            play_product_id=play_product_id,
            stripe_price_id=stripe_price_id,
            trial_days=trial_days,
        )

        return billing_create_price
