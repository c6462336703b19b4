from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_feature import BillingFeature
from ..models.billing_ledger_action import BillingLedgerAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingLedgerEntry")


@_attrs_define
class BillingLedgerEntry:
    """One change of a member's ledger.

    Attributes:
        action (BillingLedgerAction): What happened to a member's ledger.
        at (datetime.datetime): When. Example: 2026-11-26T09:30:00Z.
        feature (BillingFeature): A feature a member may be entitled to.
        id (str): The entry id. Example: led_00000000000000000000000000.
        actor_id (None | str | Unset): The admin who made the change by hand. Example: usr_00000000000000000000000000.
        grant_id (None | str | Unset): The grant concerned (grant changes). Example: grt_00000000000000000000000000.
        quota (int | None | Unset): The grant's quota after the change.
        reason (None | str | Unset): Why.
        reference (None | str | Unset): The consumer's reference (consumptions and releases).
        source (None | str | Unset): The grant's source (grant changes): a `BillingGrantSource` value.
        source_ref (None | str | Unset): The grant's reference at the source (grant changes).
        valid_until (datetime.datetime | None | Unset): The grant's end after the change. Example: 2026-11-26T09:30:00Z.
    """

    action: BillingLedgerAction
    at: datetime.datetime
    feature: BillingFeature
    id: str
    actor_id: None | str | Unset = UNSET
    grant_id: None | str | Unset = UNSET
    quota: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET
    source: None | str | Unset = UNSET
    source_ref: None | str | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        at = self.at.isoformat()

        feature = self.feature.value

        id = self.id

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        grant_id: None | str | Unset
        if isinstance(self.grant_id, Unset):
            grant_id = UNSET
        else:
            grant_id = self.grant_id

        quota: int | None | Unset
        if isinstance(self.quota, Unset):
            quota = UNSET
        else:
            quota = self.quota

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        source_ref: None | str | Unset
        if isinstance(self.source_ref, Unset):
            source_ref = UNSET
        else:
            source_ref = self.source_ref

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
                "action": action,
                "at": at,
                "feature": feature,
                "id": id,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if grant_id is not UNSET:
            field_dict["grant_id"] = grant_id
        if quota is not UNSET:
            field_dict["quota"] = quota
        if reason is not UNSET:
            field_dict["reason"] = reason
        if reference is not UNSET:
            field_dict["reference"] = reference
        if source is not UNSET:
            field_dict["source"] = source
        if source_ref is not UNSET:
            field_dict["source_ref"] = source_ref
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = BillingLedgerAction(d.pop("action"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        feature = BillingFeature(d.pop("feature"))

        id = d.pop("id")

        def _parse_actor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        def _parse_grant_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grant_id = _parse_grant_id(d.pop("grant_id", UNSET))

        def _parse_quota(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quota = _parse_quota(d.pop("quota", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_source_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ref = _parse_source_ref(d.pop("source_ref", UNSET))

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

        billing_ledger_entry = cls(
            action=action,
            at=at,
            feature=feature,
            id=id,
            actor_id=actor_id,
            grant_id=grant_id,
            quota=quota,
            reason=reason,
            reference=reference,
            source=source,
            source_ref=source_ref,
            valid_until=valid_until,
        )

        billing_ledger_entry.additional_properties = d
        return billing_ledger_entry

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
