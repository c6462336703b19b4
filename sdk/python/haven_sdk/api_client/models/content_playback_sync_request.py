from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.content_playback_event_input import ContentPlaybackEventInput


T = TypeVar("T", bound="ContentPlaybackSyncRequest")


@_attrs_define
class ContentPlaybackSyncRequest:
    """A batch of events recorded offline.

    Attributes:
        events (list[ContentPlaybackEventInput]): 1–500 events, in any order.
    """

    events: list[ContentPlaybackEventInput]

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_playback_event_input import ContentPlaybackEventInput

        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = ContentPlaybackEventInput.from_dict(events_item_data)

            events.append(events_item)

        content_playback_sync_request = cls(
            events=events,
        )

        return content_playback_sync_request
