from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CareRescheduleRequest")


@_attrs_define
class CareRescheduleRequest:
    """Body of `POST /v1/care/appointments/{id}/reschedule`.

    Attributes:
        starts_at (datetime.datetime): A slot's `starts_at` of the same provider and kind.
    """

    starts_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        starts_at = self.starts_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "starts_at": starts_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        care_reschedule_request = cls(
            starts_at=starts_at,
        )

        return care_reschedule_request
