from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.billing_promo_kind import BillingPromoKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingCreatePromoCode")


@_attrs_define
class BillingCreatePromoCode:
    """Body of `POST /v1/billing/admin/promo-codes`. The terms must fit the kind
    (`promo_terms_invalid` otherwise): `percent_off` codes need `percent_off` and
    `stripe_coupon_id`; `amount_off` codes `amount_off_minor`, `currency` and
    `stripe_coupon_id`; `free_period` codes `product_id` and `free_days`.

        Attributes:
            code (str): The code members type, unique (compared in upper case).
            kind (BillingPromoKind): What a code gives.
            amount_off_minor (int | None | Unset): Amount off in minor units, 1–100,000,000 (`amount_off`).
            currency (None | str | Unset): ISO 4217 currency of the amount (`amount_off`).
            expires_at (datetime.datetime | None | Unset): When the code stops working (in the future); absent: never.
                Example: 2026-11-26T09:30:00Z.
            free_days (int | None | Unset): Days of the free period, 1–366 (`free_period`).
            max_redemptions (int | None | Unset): How many members may redeem it in all, 1–1,000,000; absent: no limit.
            percent_off (int | None | Unset): Percent off, 1–100 (`percent_off`).
            product_id (None | str | Unset): The product whose features a free period grants (`free_period`). Example:
                prd_00000000000000000000000000.
            stripe_coupon_id (None | str | Unset): The Stripe coupon checkout applies (discounts).
    """

    code: str
    kind: BillingPromoKind
    amount_off_minor: int | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    free_days: int | None | Unset = UNSET
    max_redemptions: int | None | Unset = UNSET
    percent_off: int | None | Unset = UNSET
    product_id: None | str | Unset = UNSET
    stripe_coupon_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        kind = self.kind.value

        amount_off_minor: int | None | Unset
        if isinstance(self.amount_off_minor, Unset):
            amount_off_minor = UNSET
        else:
            amount_off_minor = self.amount_off_minor

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        free_days: int | None | Unset
        if isinstance(self.free_days, Unset):
            free_days = UNSET
        else:
            free_days = self.free_days

        max_redemptions: int | None | Unset
        if isinstance(self.max_redemptions, Unset):
            max_redemptions = UNSET
        else:
            max_redemptions = self.max_redemptions

        percent_off: int | None | Unset
        if isinstance(self.percent_off, Unset):
            percent_off = UNSET
        else:
            percent_off = self.percent_off

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        else:
            product_id = self.product_id

        stripe_coupon_id: None | str | Unset
        if isinstance(self.stripe_coupon_id, Unset):
            stripe_coupon_id = UNSET
        else:
            stripe_coupon_id = self.stripe_coupon_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "kind": kind,
            }
        )
        if amount_off_minor is not UNSET:
            field_dict["amount_off_minor"] = amount_off_minor
        if currency is not UNSET:
            field_dict["currency"] = currency
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if free_days is not UNSET:
            field_dict["free_days"] = free_days
        if max_redemptions is not UNSET:
            field_dict["max_redemptions"] = max_redemptions
        if percent_off is not UNSET:
            field_dict["percent_off"] = percent_off
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if stripe_coupon_id is not UNSET:
            field_dict["stripe_coupon_id"] = stripe_coupon_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        kind = BillingPromoKind(d.pop("kind"))

        def _parse_amount_off_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_off_minor = _parse_amount_off_minor(d.pop("amount_off_minor", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_free_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        free_days = _parse_free_days(d.pop("free_days", UNSET))

        def _parse_max_redemptions(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_redemptions = _parse_max_redemptions(d.pop("max_redemptions", UNSET))

        def _parse_percent_off(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        percent_off = _parse_percent_off(d.pop("percent_off", UNSET))

        def _parse_product_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        def _parse_stripe_coupon_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stripe_coupon_id = _parse_stripe_coupon_id(d.pop("stripe_coupon_id", UNSET))

        billing_create_promo_code = cls(
            code=code,
            kind=kind,
            amount_off_minor=amount_off_minor,
            currency=currency,
            expires_at=expires_at,
            free_days=free_days,
            max_redemptions=max_redemptions,
            percent_off=percent_off,
            product_id=product_id,
            stripe_coupon_id=stripe_coupon_id,
        )

        return billing_create_promo_code
