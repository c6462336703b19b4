from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_provider import BillingProvider
from ..models.billing_subscription_status import BillingSubscriptionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingSubscription")


@_attrs_define
class BillingSubscription:
    """One of the member's subscriptions.

    Attributes:
        cancel_at_period_end (bool): Whether it ends at the period's end instead of renewing.
        id (str): The subscription id. Example: bsu_00000000000000000000000000.
        provider (BillingProvider): Which store bills the subscription.
        started_at (datetime.datetime): When access began. Example: 2026-11-26T09:30:00Z.
        status (BillingSubscriptionStatus): A subscription's state.
        current_period_end (datetime.datetime | None | Unset): End of the current paid or trial period. Example:
            2026-11-26T09:30:00Z.
        grace_until (datetime.datetime | None | Unset): End of the grace period after a failed payment. Example:
            2026-11-26T09:30:00Z.
        price_id (None | str | Unset): The price bought, when known. Example: prc_00000000000000000000000000.
        product_id (None | str | Unset): The product bought, when known. Example: prd_00000000000000000000000000.
    """

    cancel_at_period_end: bool
    id: str
    provider: BillingProvider
    started_at: datetime.datetime
    status: BillingSubscriptionStatus
    current_period_end: datetime.datetime | None | Unset = UNSET
    grace_until: datetime.datetime | None | Unset = UNSET
    price_id: None | str | Unset = UNSET
    product_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cancel_at_period_end = self.cancel_at_period_end

        id = self.id

        provider = self.provider.value

        started_at = self.started_at.isoformat()

        status = self.status.value

        current_period_end: None | str | Unset
        if isinstance(self.current_period_end, Unset):
            current_period_end = UNSET
        elif isinstance(self.current_period_end, datetime.datetime):
            current_period_end = self.current_period_end.isoformat()
        else:
            current_period_end = self.current_period_end

        grace_until: None | str | Unset
        if isinstance(self.grace_until, Unset):
            grace_until = UNSET
        elif isinstance(self.grace_until, datetime.datetime):
            grace_until = self.grace_until.isoformat()
        else:
            grace_until = self.grace_until

        price_id: None | str | Unset
        if isinstance(self.price_id, Unset):
            price_id = UNSET
        else:
            price_id = self.price_id

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        else:
            product_id = self.product_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancel_at_period_end": cancel_at_period_end,
                "id": id,
                "provider": provider,
                "started_at": started_at,
                "status": status,
            }
        )
        if current_period_end is not UNSET:
            field_dict["current_period_end"] = current_period_end
        if grace_until is not UNSET:
            field_dict["grace_until"] = grace_until
        if price_id is not UNSET:
            field_dict["price_id"] = price_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cancel_at_period_end = d.pop("cancel_at_period_end")

        id = d.pop("id")

        provider = BillingProvider(d.pop("provider"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        status = BillingSubscriptionStatus(d.pop("status"))

        def _parse_current_period_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_period_end_type_0 = datetime.datetime.fromisoformat(data)

                return current_period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        current_period_end = _parse_current_period_end(
            d.pop("current_period_end", UNSET)
        )

        def _parse_grace_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grace_until_type_0 = datetime.datetime.fromisoformat(data)

                return grace_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        grace_until = _parse_grace_until(d.pop("grace_until", UNSET))

        def _parse_price_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        price_id = _parse_price_id(d.pop("price_id", UNSET))

        def _parse_product_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        billing_subscription = cls(
            cancel_at_period_end=cancel_at_period_end,
            id=id,
            provider=provider,
            started_at=started_at,
            status=status,
            current_period_end=current_period_end,
            grace_until=grace_until,
            price_id=price_id,
            product_id=product_id,
        )

        billing_subscription.additional_properties = d
        return billing_subscription

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
