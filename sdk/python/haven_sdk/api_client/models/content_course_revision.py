from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_course_document import ContentCourseDocument


T = TypeVar("T", bound="ContentCourseRevision")


@_attrs_define
class ContentCourseRevision:
    """One entry of a course's history.

    Attributes:
        action (str): What happened: `created`, `edited`, `published`, `unpublished` or `archived`.
        at (datetime.datetime): When. Example: 2026-11-26T09:30:00Z.
        document (ContentCourseDocument): A course's document (draft or published).
        revision (int): The revision this change produced.
        actor_id (None | str | Unset): The editor (absent once erased). Example: usr_00000000000000000000000000.
    """

    action: str
    at: datetime.datetime
    document: ContentCourseDocument
    revision: int
    actor_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        at = self.at.isoformat()

        document = self.document.to_dict()

        revision = self.revision

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "at": at,
                "document": document,
                "revision": revision,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_course_document import ContentCourseDocument

        d = dict(src_dict)
        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        document = ContentCourseDocument.from_dict(d.pop("document"))

        revision = d.pop("revision")

        def _parse_actor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        content_course_revision = cls(
            action=action,
            at=at,
            document=document,
            revision=revision,
            actor_id=actor_id,
        )

        content_course_revision.additional_properties = d
        return content_course_revision

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
