from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_playback_event_status import ContentPlaybackEventStatus
from ..models.content_playback_refusal import ContentPlaybackRefusal
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentPlaybackEventResult")


@_attrs_define
class ContentPlaybackEventResult:
    """The answer for one event, in request order.

    Attributes:
        event_id (str): The event's id.
        status (ContentPlaybackEventStatus): What the sync did with one event.
        local_day (None | str | Unset): The member's day it counts for, `YYYY-MM-DD` (only with `accepted`).
        reason (ContentPlaybackRefusal | Unset): Why an event was refused.
    """

    event_id: str
    status: ContentPlaybackEventStatus
    local_day: None | str | Unset = UNSET
    reason: ContentPlaybackRefusal | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        status = self.status.value

        local_day: None | str | Unset
        if isinstance(self.local_day, Unset):
            local_day = UNSET
        else:
            local_day = self.local_day

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "status": status,
            }
        )
        if local_day is not UNSET:
            field_dict["local_day"] = local_day
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_id = d.pop("event_id")

        status = ContentPlaybackEventStatus(d.pop("status"))

        def _parse_local_day(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        local_day = _parse_local_day(d.pop("local_day", UNSET))

        _reason = d.pop("reason", UNSET)
        reason: ContentPlaybackRefusal | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = ContentPlaybackRefusal(_reason)

        content_playback_event_result = cls(
            event_id=event_id,
            status=status,
            local_day=local_day,
            reason=reason,
        )

        content_playback_event_result.additional_properties = d
        return content_playback_event_result

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
