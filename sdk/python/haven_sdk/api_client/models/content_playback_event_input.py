from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.content_playback_event_type import ContentPlaybackEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentPlaybackEventInput")


@_attrs_define
class ContentPlaybackEventInput:
    """One playback event as the app recorded it.

    Attributes:
        duration_s (int): The variant played (its length in seconds, 30–14400).
        event_id (str): The app's id for this event, unique per member (e.g. a UUID): an event sent again
            with the same id is a `duplicate` and changes nothing.
        item_id (str): The item played. Example: itm_00000000000000000000000000.
        occurred_at (datetime.datetime): When it happened (RFC 3339). Later than the server's clock plus the allowed
            skew
            is `refused`. Example: 2026-11-26T09:30:00Z.
        position_s (int): The playhead in seconds, at most `duration_s`.
        type_ (ContentPlaybackEventType): What happened in a playback.
        course_id (None | str | Unset): The course it was played in, if any: a `completed` event completes that session.
            Example: crs_00000000000000000000000000.
        time_zone (None | str | Unset): The IANA zone the device was in (`Asia/Tokyo`); it must exist. Absent: the
            profile's zone, else UTC. Decides the member's day the event counts for.
    """

    duration_s: int
    event_id: str
    item_id: str
    occurred_at: datetime.datetime
    position_s: int
    type_: ContentPlaybackEventType
    course_id: None | str | Unset = UNSET
    time_zone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        duration_s = self.duration_s

        event_id = self.event_id

        item_id = self.item_id

        occurred_at = self.occurred_at.isoformat()

        position_s = self.position_s

        type_ = self.type_.value

        course_id: None | str | Unset
        if isinstance(self.course_id, Unset):
            course_id = UNSET
        else:
            course_id = self.course_id

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "duration_s": duration_s,
                "event_id": event_id,
                "item_id": item_id,
                "occurred_at": occurred_at,
                "position_s": position_s,
                "type": type_,
            }
        )
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        duration_s = d.pop("duration_s")

        event_id = d.pop("event_id")

        item_id = d.pop("item_id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        position_s = d.pop("position_s")

        type_ = ContentPlaybackEventType(d.pop("type"))

        def _parse_course_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        course_id = _parse_course_id(d.pop("course_id", UNSET))

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        content_playback_event_input = cls(
            duration_s=duration_s,
            event_id=event_id,
            item_id=item_id,
            occurred_at=occurred_at,
            position_s=position_s,
            type_=type_,
            course_id=course_id,
            time_zone=time_zone,
        )

        return content_playback_event_input
