from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BillingRedeemPromoCode")


@_attrs_define
class BillingRedeemPromoCode:
    """Body of `POST /v1/billing/me/promo-redemptions`.

    Attributes:
        code (str): The code as the member typed it (case does not matter).
    """

    code: str

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        billing_redeem_promo_code = cls(
            code=code,
        )

        return billing_redeem_promo_code
