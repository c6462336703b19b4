from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CareNoteBody")


@_attrs_define
class CareNoteBody:
    """Body of writing, changing or amending a note.

    Attributes:
        body (str): The text, 1–20000 characters, not blank. Stored encrypted; never logged.
    """

    body: str

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        body = d.pop("body")

        care_note_body = cls(
            body=body,
        )

        return care_note_body
