from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_escalation_reason import CareEscalationReason
from ..models.care_escalation_status import CareEscalationStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CareEscalation")


@_attrs_define
class CareEscalation:
    """A risk to act on (health data).

    Attributes:
        assessment_id (str): The assessment that raised it (`asm_…`).
        created_at (datetime.datetime): When it was raised. Example: 2026-11-26T09:30:00Z.
        due_at (datetime.datetime): Acknowledge before this. Example: 2026-11-26T09:30:00Z.
        id (str): The task (`esc_…`).
        member_id (str): The member (`usr_…`).
        reasons (list[CareEscalationReason]): Why.
        status (CareEscalationStatus): Where a task stands.
        acknowledged_at (datetime.datetime | None | Unset): When it was acknowledged; `null` before. Example:
            2026-11-26T09:30:00Z.
        provider_id (None | str | Unset): The clinician it is routed to (`prv_…`); `null` while in the on-call queue.
        resolution_note (None | str | Unset): The resolving clinician's note; `null` before.
        resolved_at (datetime.datetime | None | Unset): When it was resolved; `null` before. Example:
            2026-11-26T09:30:00Z.
    """

    assessment_id: str
    created_at: datetime.datetime
    due_at: datetime.datetime
    id: str
    member_id: str
    reasons: list[CareEscalationReason]
    status: CareEscalationStatus
    acknowledged_at: datetime.datetime | None | Unset = UNSET
    provider_id: None | str | Unset = UNSET
    resolution_note: None | str | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessment_id = self.assessment_id

        created_at = self.created_at.isoformat()

        due_at = self.due_at.isoformat()

        id = self.id

        member_id = self.member_id

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.value
            reasons.append(reasons_item)

        status = self.status.value

        acknowledged_at: None | str | Unset
        if isinstance(self.acknowledged_at, Unset):
            acknowledged_at = UNSET
        elif isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        provider_id: None | str | Unset
        if isinstance(self.provider_id, Unset):
            provider_id = UNSET
        else:
            provider_id = self.provider_id

        resolution_note: None | str | Unset
        if isinstance(self.resolution_note, Unset):
            resolution_note = UNSET
        else:
            resolution_note = self.resolution_note

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessment_id": assessment_id,
                "created_at": created_at,
                "due_at": due_at,
                "id": id,
                "member_id": member_id,
                "reasons": reasons,
                "status": status,
            }
        )
        if acknowledged_at is not UNSET:
            field_dict["acknowledged_at"] = acknowledged_at
        if provider_id is not UNSET:
            field_dict["provider_id"] = provider_id
        if resolution_note is not UNSET:
            field_dict["resolution_note"] = resolution_note
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        assessment_id = d.pop("assessment_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        id = d.pop("id")

        member_id = d.pop("member_id")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = CareEscalationReason(reasons_item_data)

            reasons.append(reasons_item)

        status = CareEscalationStatus(d.pop("status"))

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at", UNSET))

        def _parse_provider_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_id = _parse_provider_id(d.pop("provider_id", UNSET))

        def _parse_resolution_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution_note = _parse_resolution_note(d.pop("resolution_note", UNSET))

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))

        care_escalation = cls(
            assessment_id=assessment_id,
            created_at=created_at,
            due_at=due_at,
            id=id,
            member_id=member_id,
            reasons=reasons,
            status=status,
            acknowledged_at=acknowledged_at,
            provider_id=provider_id,
            resolution_note=resolution_note,
            resolved_at=resolved_at,
        )

        care_escalation.additional_properties = d
        return care_escalation

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
