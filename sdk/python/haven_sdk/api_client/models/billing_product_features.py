from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingProductFeatures")


@_attrs_define
class BillingProductFeatures:
    """What a product grants. Counted features carry their yearly number of sessions.

    Attributes:
        care_coaching (bool): Grants `care.coaching`.
        content_premium (bool): Grants `content.premium`.
        care_psychiatry (int | None | Unset): Psychiatry sessions per benefit year (1–1000); absent: not granted.
        care_therapy (int | None | Unset): Therapy sessions per benefit year (1–1000); absent: not granted.
    """

    care_coaching: bool
    content_premium: bool
    care_psychiatry: int | None | Unset = UNSET
    care_therapy: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        care_coaching = self.care_coaching

        content_premium = self.content_premium

        care_psychiatry: int | None | Unset
        if isinstance(self.care_psychiatry, Unset):
            care_psychiatry = UNSET
        else:
            care_psychiatry = self.care_psychiatry

        care_therapy: int | None | Unset
        if isinstance(self.care_therapy, Unset):
            care_therapy = UNSET
        else:
            care_therapy = self.care_therapy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "care_coaching": care_coaching,
                "content_premium": content_premium,
            }
        )
        if care_psychiatry is not UNSET:
            field_dict["care_psychiatry"] = care_psychiatry
        if care_therapy is not UNSET:
            field_dict["care_therapy"] = care_therapy

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        care_coaching = d.pop("care_coaching")

        content_premium = d.pop("content_premium")

        def _parse_care_psychiatry(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        care_psychiatry = _parse_care_psychiatry(d.pop("care_psychiatry", UNSET))

        def _parse_care_therapy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        care_therapy = _parse_care_therapy(d.pop("care_therapy", UNSET))

        billing_product_features = cls(
            care_coaching=care_coaching,
            content_premium=content_premium,
            care_psychiatry=care_psychiatry,
            care_therapy=care_therapy,
        )

        return billing_product_features
