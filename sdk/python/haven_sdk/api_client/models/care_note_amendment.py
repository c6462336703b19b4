from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CareNoteAmendment")


@_attrs_define
class CareNoteAmendment:
    """An amendment of a signed note.

    Attributes:
        author_id (str): Its author (`usr_…`).
        body (str): The text.
        id (str): The amendment (`cno_…`).
        signed_at (datetime.datetime): When it was written (and signed). Example: 2026-11-26T09:30:00Z.
    """

    author_id: str
    body: str
    id: str
    signed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        author_id = self.author_id

        body = self.body

        id = self.id

        signed_at = self.signed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "author_id": author_id,
                "body": body,
                "id": id,
                "signed_at": signed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        author_id = d.pop("author_id")

        body = d.pop("body")

        id = d.pop("id")

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))

        care_note_amendment = cls(
            author_id=author_id,
            body=body,
            id=id,
            signed_at=signed_at,
        )

        care_note_amendment.additional_properties = d
        return care_note_amendment

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
