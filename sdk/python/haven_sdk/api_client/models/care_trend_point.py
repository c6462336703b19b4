from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_severity import CareSeverity

T = TypeVar("T", bound="CareTrendPoint")


@_attrs_define
class CareTrendPoint:
    """One point of a trend.

    Attributes:
        assessment_id (str): The assessment (`asm_…`).
        at (datetime.datetime): When. Example: 2026-11-26T09:30:00Z.
        severity (CareSeverity): A severity band's name.
        total (int): Its total.
    """

    assessment_id: str
    at: datetime.datetime
    severity: CareSeverity
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessment_id = self.assessment_id

        at = self.at.isoformat()

        severity = self.severity.value

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessment_id": assessment_id,
                "at": at,
                "severity": severity,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        assessment_id = d.pop("assessment_id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        severity = CareSeverity(d.pop("severity"))

        total = d.pop("total")

        care_trend_point = cls(
            assessment_id=assessment_id,
            at=at,
            severity=severity,
            total=total,
        )

        care_trend_point.additional_properties = d
        return care_trend_point

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
