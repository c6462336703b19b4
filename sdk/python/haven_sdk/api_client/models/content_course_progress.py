from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_next_session import ContentNextSession
    from ..models.content_session_progress import ContentSessionProgress


T = TypeVar("T", bound="ContentCourseProgress")


@_attrs_define
class ContentCourseProgress:
    """A member's progress in a course.

    Attributes:
        completed (bool): Whether every session is completed.
        completed_sessions (int): Of those, completed by the member.
        course_id (str): The course. Example: crs_00000000000000000000000000.
        sessions (list[ContentSessionProgress]): Each session in order.
        total_sessions (int): Sessions members can play now.
        completed_at (datetime.datetime | None | Unset): When the last session was completed, once all are. Example:
            2026-11-26T09:30:00Z.
        last_activity_at (datetime.datetime | None | Unset): The member's last completion in this course. Example:
            2026-11-26T09:30:00Z.
        next_session (ContentNextSession | Unset): The session to continue with.
    """

    completed: bool
    completed_sessions: int
    course_id: str
    sessions: list[ContentSessionProgress]
    total_sessions: int
    completed_at: datetime.datetime | None | Unset = UNSET
    last_activity_at: datetime.datetime | None | Unset = UNSET
    next_session: ContentNextSession | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        completed = self.completed

        completed_sessions = self.completed_sessions

        course_id = self.course_id

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        total_sessions = self.total_sessions

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        last_activity_at: None | str | Unset
        if isinstance(self.last_activity_at, Unset):
            last_activity_at = UNSET
        elif isinstance(self.last_activity_at, datetime.datetime):
            last_activity_at = self.last_activity_at.isoformat()
        else:
            last_activity_at = self.last_activity_at

        next_session: dict[str, Any] | Unset = UNSET
        if not isinstance(self.next_session, Unset):
            next_session = self.next_session.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completed": completed,
                "completed_sessions": completed_sessions,
                "course_id": course_id,
                "sessions": sessions,
                "total_sessions": total_sessions,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if last_activity_at is not UNSET:
            field_dict["last_activity_at"] = last_activity_at
        if next_session is not UNSET:
            field_dict["next_session"] = next_session

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_next_session import ContentNextSession
        from ..models.content_session_progress import ContentSessionProgress

        d = dict(src_dict)
        completed = d.pop("completed")

        completed_sessions = d.pop("completed_sessions")

        course_id = d.pop("course_id")

        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = ContentSessionProgress.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        total_sessions = d.pop("total_sessions")

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

        def _parse_last_activity_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_activity_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_activity_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_activity_at = _parse_last_activity_at(d.pop("last_activity_at", UNSET))

        _next_session = d.pop("next_session", UNSET)
        next_session: ContentNextSession | Unset
        if isinstance(_next_session, Unset):
            next_session = UNSET
        else:
            next_session = ContentNextSession.from_dict(_next_session)

        content_course_progress = cls(
            completed=completed,
            completed_sessions=completed_sessions,
            course_id=course_id,
            sessions=sessions,
            total_sessions=total_sessions,
            completed_at=completed_at,
            last_activity_at=last_activity_at,
            next_session=next_session,
        )

        content_course_progress.additional_properties = d
        return content_course_progress

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
