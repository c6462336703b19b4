from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_promo_kind import BillingPromoKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingPromoCode")


@_attrs_define
class BillingPromoCode:
    """A promo code.

    Attributes:
        code (str): The code, upper case.
        created_at (datetime.datetime): When it was created. Example: 2026-11-26T09:30:00Z.
        id (str): The code id. Example: prm_00000000000000000000000000.
        kind (BillingPromoKind): What a code gives.
        redeemed_count (int): Redemptions so far.
        amount_off_minor (int | None | Unset): Amount off in minor units.
        currency (None | str | Unset): Currency of the amount.
        expires_at (datetime.datetime | None | Unset): Expiry. Example: 2026-11-26T09:30:00Z.
        free_days (int | None | Unset): Days of a free period.
        max_redemptions (int | None | Unset): Total redemptions allowed.
        percent_off (int | None | Unset): Percent off.
        product_id (None | str | Unset): The product of a free period. Example: prd_00000000000000000000000000.
    """

    code: str
    created_at: datetime.datetime
    id: str
    kind: BillingPromoKind
    redeemed_count: int
    amount_off_minor: int | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    free_days: int | None | Unset = UNSET
    max_redemptions: int | None | Unset = UNSET
    percent_off: int | None | Unset = UNSET
    product_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        id = self.id

        kind = self.kind.value

        redeemed_count = self.redeemed_count

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "redeemed_count": redeemed_count,
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        kind = BillingPromoKind(d.pop("kind"))

        redeemed_count = d.pop("redeemed_count")

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

        billing_promo_code = cls(
            code=code,
            created_at=created_at,
            id=id,
            kind=kind,
            redeemed_count=redeemed_count,
            amount_off_minor=amount_off_minor,
            currency=currency,
            expires_at=expires_at,
            free_days=free_days,
            max_redemptions=max_redemptions,
            percent_off=percent_off,
            product_id=product_id,
        )

        billing_promo_code.additional_properties = d
        return billing_promo_code

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
