from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_instrument import CareInstrument
from ..models.care_trend_direction import CareTrendDirection
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.care_trend_point import CareTrendPoint


T = TypeVar("T", bound="CareAssessmentTrend")


@_attrs_define
class CareAssessmentTrend:
    """The latest totals of one questionnaire (health data).

    Attributes:
        direction (CareTrendDirection): Which way scores move.
        instrument (CareInstrument): A questionnaire.
        points (list[CareTrendPoint]): Up to the latest 26, oldest first.
        change (int | None | Unset): Latest total minus the first of `points`; `null` with fewer than two.
    """

    direction: CareTrendDirection
    instrument: CareInstrument
    points: list[CareTrendPoint]
    change: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        direction = self.direction.value

        instrument = self.instrument.value

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        change: int | None | Unset
        if isinstance(self.change, Unset):
            change = UNSET
        else:
            change = self.change

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "direction": direction,
                "instrument": instrument,
                "points": points,
            }
        )
        if change is not UNSET:
            field_dict["change"] = change

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_trend_point import CareTrendPoint

        d = dict(src_dict)
        direction = CareTrendDirection(d.pop("direction"))

        instrument = CareInstrument(d.pop("instrument"))

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = CareTrendPoint.from_dict(points_item_data)

            points.append(points_item)

        def _parse_change(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        change = _parse_change(d.pop("change", UNSET))

        care_assessment_trend = cls(
            direction=direction,
            instrument=instrument,
            points=points,
            change=change,
        )

        care_assessment_trend.additional_properties = d
        return care_assessment_trend

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
