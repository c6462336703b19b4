from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_feature import BillingFeature
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingEntitlement")


@_attrs_define
class BillingEntitlement:
    """Whether the member may use a feature now, and for sessions how many are left.

    Attributes:
        allowed (bool): Whether the member may use it now.
        feature (BillingFeature): A feature a member may be entitled to.
        benefit_year_end (datetime.datetime | None | Unset): End (exclusive) of the current benefit year (counted
            features). Example: 2026-11-26T09:30:00Z.
        benefit_year_start (datetime.datetime | None | Unset): Start of the current benefit year (a calendar year in
            UTC; counted features). Example: 2026-11-26T09:30:00Z.
        quota (int | None | Unset): Sessions granted in the current benefit year (counted features with access).
        remaining (int | None | Unset): Sessions left in the current benefit year, never below zero (counted features
            with access).
        used (int | None | Unset): Sessions used in the current benefit year (counted features).
    """

    allowed: bool
    feature: BillingFeature
    benefit_year_end: datetime.datetime | None | Unset = UNSET
    benefit_year_start: datetime.datetime | None | Unset = UNSET
    quota: int | None | Unset = UNSET
    remaining: int | None | Unset = UNSET
    used: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed = self.allowed

        feature = self.feature.value

        benefit_year_end: None | str | Unset
        if isinstance(self.benefit_year_end, Unset):
            benefit_year_end = UNSET
        elif isinstance(self.benefit_year_end, datetime.datetime):
            benefit_year_end = self.benefit_year_end.isoformat()
        else:
            benefit_year_end = self.benefit_year_end

        benefit_year_start: None | str | Unset
        if isinstance(self.benefit_year_start, Unset):
            benefit_year_start = UNSET
        elif isinstance(self.benefit_year_start, datetime.datetime):
            benefit_year_start = self.benefit_year_start.isoformat()
        else:
            benefit_year_start = self.benefit_year_start

        quota: int | None | Unset
        if isinstance(self.quota, Unset):
            quota = UNSET
        else:
            quota = self.quota

        remaining: int | None | Unset
        if isinstance(self.remaining, Unset):
            remaining = UNSET
        else:
            remaining = self.remaining

        used: int | None | Unset
        if isinstance(self.used, Unset):
            used = UNSET
        else:
            used = self.used

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed": allowed,
                "feature": feature,
            }
        )
        if benefit_year_end is not UNSET:
            field_dict["benefit_year_end"] = benefit_year_end
        if benefit_year_start is not UNSET:
            field_dict["benefit_year_start"] = benefit_year_start
        if quota is not UNSET:
            field_dict["quota"] = quota
        if remaining is not UNSET:
            field_dict["remaining"] = remaining
        if used is not UNSET:
            field_dict["used"] = used

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        allowed = d.pop("allowed")

        feature = BillingFeature(d.pop("feature"))

        def _parse_benefit_year_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                benefit_year_end_type_0 = datetime.datetime.fromisoformat(data)

                return benefit_year_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        benefit_year_end = _parse_benefit_year_end(d.pop("benefit_year_end", UNSET))

        def _parse_benefit_year_start(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                benefit_year_start_type_0 = datetime.datetime.fromisoformat(data)

                return benefit_year_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        benefit_year_start = _parse_benefit_year_start(
            d.pop("benefit_year_start", UNSET)
        )

        def _parse_quota(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quota = _parse_quota(d.pop("quota", UNSET))

        def _parse_remaining(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        remaining = _parse_remaining(d.pop("remaining", UNSET))

        def _parse_used(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        used = _parse_used(d.pop("used", UNSET))

        billing_entitlement = cls(
            allowed=allowed,
            feature=feature,
            benefit_year_end=benefit_year_end,
            benefit_year_start=benefit_year_start,
            quota=quota,
            remaining=remaining,
            used=used,
        )

        billing_entitlement.additional_properties = d
        return billing_entitlement

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
