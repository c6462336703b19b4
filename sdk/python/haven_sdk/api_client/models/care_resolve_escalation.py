from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CareResolveEscalation")


@_attrs_define
class CareResolveEscalation:
    """Body of `POST /v1/care/provider/escalations/{id}/resolve`.

    Attributes:
        note (str): What was done (health data, kept with the task).
    """

    note: str

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        note = d.pop("note")

        care_resolve_escalation = cls(
            note=note,
        )

        return care_resolve_escalation
