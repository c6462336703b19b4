from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.care_schedule import CareSchedule


T = TypeVar("T", bound="CareProviderSchedule")


@_attrs_define
class CareProviderSchedule:
    """A provider's schedule with its zone.

    Attributes:
        schedule (CareSchedule): A provider's hours: weekly rules and date exceptions, in the provider's zone.
        time_zone (str): IANA zone the times are in.
    """

    schedule: CareSchedule
    time_zone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schedule = self.schedule.to_dict()

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "schedule": schedule,
                "time_zone": time_zone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_schedule import CareSchedule

        d = dict(src_dict)
        schedule = CareSchedule.from_dict(d.pop("schedule"))

        time_zone = d.pop("time_zone")

        care_provider_schedule = cls(
            schedule=schedule,
            time_zone=time_zone,
        )

        care_provider_schedule.additional_properties = d
        return care_provider_schedule

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
