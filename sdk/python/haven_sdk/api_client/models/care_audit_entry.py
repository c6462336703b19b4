from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CareAuditEntry")


@_attrs_define
class CareAuditEntry:
    """One access of health data.

    Attributes:
        action (str): `read`, `list`, `create`, `update`, `acknowledge`, `resolve`, `query`, `cancel`,
            `reschedule`, `no_show`, `export`, `erase`, `stream` (a chat stream opened) or
            `sign` (a clinical note signed).
        actor_id (str): Who acted (`usr_…`).
        actor_role (str): The role they acted in: `member`, `coach`, `clinician`, `admin` or `system`.
        at (datetime.datetime): When. Example: 2026-11-26T09:30:00Z.
        id (str): The row (`cau_…`), time-ordered.
        outcome (str): `allowed`, or `denied` when the caller was refused (answered `404`).
        resource_type (str): `care_profile`, `assessment`, `escalation`, `phi_audit`, `appointment`,
            `chat_thread`, `chat_message` or `clinical_note`.
        reason (None | str | Unset): The reason an admin gave; `null` otherwise.
        request_id (None | str | Unset): The request's `X-Request-Id`; `null` for background work.
        resource_id (None | str | Unset): The resource's id; `null` for lists and queries.
        subject_id (None | str | Unset): The member whose data it is (`usr_…`); `null` for queries of the log without a
            subject filter.
    """

    action: str
    actor_id: str
    actor_role: str
    at: datetime.datetime
    id: str
    outcome: str
    resource_type: str
    reason: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    resource_id: None | str | Unset = UNSET
    subject_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor_id = self.actor_id

        actor_role = self.actor_role

        at = self.at.isoformat()

        id = self.id

        outcome = self.outcome

        resource_type = self.resource_type

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        resource_id: None | str | Unset
        if isinstance(self.resource_id, Unset):
            resource_id = UNSET
        else:
            resource_id = self.resource_id

        subject_id: None | str | Unset
        if isinstance(self.subject_id, Unset):
            subject_id = UNSET
        else:
            subject_id = self.subject_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_id": actor_id,
                "actor_role": actor_role,
                "at": at,
                "id": id,
                "outcome": outcome,
                "resource_type": resource_type,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if resource_id is not UNSET:
            field_dict["resource_id"] = resource_id
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = d.pop("action")

        actor_id = d.pop("actor_id")

        actor_role = d.pop("actor_role")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        id = d.pop("id")

        outcome = d.pop("outcome")

        resource_type = d.pop("resource_type")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        def _parse_resource_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resource_id = _parse_resource_id(d.pop("resource_id", UNSET))

        def _parse_subject_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_id = _parse_subject_id(d.pop("subject_id", UNSET))

        care_audit_entry = cls(
            action=action,
            actor_id=actor_id,
            actor_role=actor_role,
            at=at,
            id=id,
            outcome=outcome,
            resource_type=resource_type,
            reason=reason,
            request_id=request_id,
            resource_id=resource_id,
            subject_id=subject_id,
        )

        care_audit_entry.additional_properties = d
        return care_audit_entry

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
