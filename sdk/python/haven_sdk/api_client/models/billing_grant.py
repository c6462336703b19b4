from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_feature import BillingFeature
from ..models.billing_grant_source import BillingGrantSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingGrant")


@_attrs_define
class BillingGrant:
    """One right of a member: a feature from a source over a period.

    Attributes:
        feature (BillingFeature): A feature a member may be entitled to.
        id (str): The grant id. Example: grt_00000000000000000000000000.
        source (BillingGrantSource): Where a grant comes from.
        source_ref (str): The reference at the source (a subscription, a membership, a redemption).
        user_id (str): The member. Example: usr_00000000000000000000000000.
        valid_from (datetime.datetime): Valid from (inclusive). Example: 2026-11-26T09:30:00Z.
        quota (int | None | Unset): Sessions per benefit year (counted features).
        revoke_reason (None | str | Unset): Why it was revoked.
        revoked_at (datetime.datetime | None | Unset): When it was revoked; absent: it was not. Example:
            2026-11-26T09:30:00Z.
        valid_until (datetime.datetime | None | Unset): Valid until (exclusive); absent: open-ended. Example:
            2026-11-26T09:30:00Z.
    """

    feature: BillingFeature
    id: str
    source: BillingGrantSource
    source_ref: str
    user_id: str
    valid_from: datetime.datetime
    quota: int | None | Unset = UNSET
    revoke_reason: None | str | Unset = UNSET
    revoked_at: datetime.datetime | None | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feature = self.feature.value

        id = self.id

        source = self.source.value

        source_ref = self.source_ref

        user_id = self.user_id

        valid_from = self.valid_from.isoformat()

        quota: int | None | Unset
        if isinstance(self.quota, Unset):
            quota = UNSET
        else:
            quota = self.quota

        revoke_reason: None | str | Unset
        if isinstance(self.revoke_reason, Unset):
            revoke_reason = UNSET
        else:
            revoke_reason = self.revoke_reason

        revoked_at: None | str | Unset
        if isinstance(self.revoked_at, Unset):
            revoked_at = UNSET
        elif isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feature": feature,
                "id": id,
                "source": source,
                "source_ref": source_ref,
                "user_id": user_id,
                "valid_from": valid_from,
            }
        )
        if quota is not UNSET:
            field_dict["quota"] = quota
        if revoke_reason is not UNSET:
            field_dict["revoke_reason"] = revoke_reason
        if revoked_at is not UNSET:
            field_dict["revoked_at"] = revoked_at
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        feature = BillingFeature(d.pop("feature"))

        id = d.pop("id")

        source = BillingGrantSource(d.pop("source"))

        source_ref = d.pop("source_ref")

        user_id = d.pop("user_id")

        valid_from = datetime.datetime.fromisoformat(d.pop("valid_from"))

        def _parse_quota(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quota = _parse_quota(d.pop("quota", UNSET))

        def _parse_revoke_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revoke_reason = _parse_revoke_reason(d.pop("revoke_reason", UNSET))

        def _parse_revoked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at", UNSET))

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

        billing_grant = cls(
            feature=feature,
            id=id,
            source=source,
            source_ref=source_ref,
            user_id=user_id,
            valid_from=valid_from,
            quota=quota,
            revoke_reason=revoke_reason,
            revoked_at=revoked_at,
            valid_until=valid_until,
        )

        billing_grant.additional_properties = d
        return billing_grant

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
