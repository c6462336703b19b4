from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.billing_feature import BillingFeature
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingAdminGrant")


@_attrs_define
class BillingAdminGrant:
    """Body of `POST /v1/billing/admin/members/{user_id}/grants`.

    Attributes:
        feature (BillingFeature): A feature a member may be entitled to.
        reason (str): Why (kept in the ledger's history), 1–500 characters.
        quota (int | None | Unset): Sessions per benefit year, 1–1000: required for `care.therapy` and
            `care.psychiatry`, refused for the others.
        valid_until (datetime.datetime | None | Unset): When the grant ends (exclusive), in the future; absent: open-
            ended. Example: 2026-11-26T09:30:00Z.
    """

    feature: BillingFeature
    reason: str
    quota: int | None | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        feature = self.feature.value

        reason = self.reason

        quota: int | None | Unset
        if isinstance(self.quota, Unset):
            quota = UNSET
        else:
            quota = self.quota

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "feature": feature,
                "reason": reason,
            }
        )
        if quota is not UNSET:
            field_dict["quota"] = quota
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        feature = BillingFeature(d.pop("feature"))

        reason = d.pop("reason")

        def _parse_quota(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quota = _parse_quota(d.pop("quota", UNSET))

        def _parse_valid_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.datetime.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        billing_admin_grant = cls(
            feature=feature,
            reason=reason,
            quota=quota,
            valid_until=valid_until,
        )

        return billing_admin_grant
