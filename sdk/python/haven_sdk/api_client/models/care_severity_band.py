from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_severity import CareSeverity

T = TypeVar("T", bound="CareSeverityBand")


@_attrs_define
class CareSeverityBand:
    """One severity band.

    Attributes:
        max_total (int): Highest total in the band.
        min_total (int): Lowest total in the band.
        severity (CareSeverity): A severity band's name.
    """

    max_total: int
    min_total: int
    severity: CareSeverity
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_total = self.max_total

        min_total = self.min_total

        severity = self.severity.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "max_total": max_total,
                "min_total": min_total,
                "severity": severity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        max_total = d.pop("max_total")

        min_total = d.pop("min_total")

        severity = CareSeverity(d.pop("severity"))

        care_severity_band = cls(
            max_total=max_total,
            min_total=min_total,
            severity=severity,
        )

        care_severity_band.additional_properties = d
        return care_severity_band

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
