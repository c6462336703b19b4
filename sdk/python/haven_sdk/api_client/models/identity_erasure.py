from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.identity_erasure_step import IdentityErasureStep


T = TypeVar("T", bound="IdentityErasure")


@_attrs_define
class IdentityErasure:
    """The erasure of the caller's account, one step per module.

    Attributes:
        complete (bool): Whether every module has finished.
        requested_at (datetime.datetime): When it was requested. Example: 2026-11-26T09:30:00Z.
        steps (list[IdentityErasureStep]): One per module, by name.
        completed_at (datetime.datetime | None | Unset): When every module had finished; absent while any is pending.
            Example: 2026-11-26T09:30:00Z.
    """

    complete: bool
    requested_at: datetime.datetime
    steps: list[IdentityErasureStep]
    completed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        complete = self.complete

        requested_at = self.requested_at.isoformat()

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "complete": complete,
                "requested_at": requested_at,
                "steps": steps,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.identity_erasure_step import IdentityErasureStep

        d = dict(src_dict)
        complete = d.pop("complete")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = IdentityErasureStep.from_dict(steps_item_data)

            steps.append(steps_item)

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        identity_erasure = cls(
            complete=complete,
            requested_at=requested_at,
            steps=steps,
            completed_at=completed_at,
        )

        identity_erasure.additional_properties = d
        return identity_erasure

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
