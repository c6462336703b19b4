from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.care_appointment import CareAppointment
    from ..models.care_slot import CareSlot


T = TypeVar("T", bound="CareCancellation")


@_attrs_define
class CareCancellation:
    """What a cancellation did.

    Attributes:
        appointment (CareAppointment): An appointment (health data).
        late (bool): Whether it was late (it counts against the member).
        next_slots (list[CareSlot]): The provider's next free slots of the same kind (provider cancels; else empty).
        unit_released (bool): Whether the session's unit was given back (a timely or provider cancel).
    """

    appointment: CareAppointment
    late: bool
    next_slots: list[CareSlot]
    unit_released: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointment = self.appointment.to_dict()

        late = self.late

        next_slots = []
        for next_slots_item_data in self.next_slots:
            next_slots_item = next_slots_item_data.to_dict()
            next_slots.append(next_slots_item)

        unit_released = self.unit_released

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointment": appointment,
                "late": late,
                "next_slots": next_slots,
                "unit_released": unit_released,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_appointment import CareAppointment
        from ..models.care_slot import CareSlot

        d = dict(src_dict)
        appointment = CareAppointment.from_dict(d.pop("appointment"))

        late = d.pop("late")

        next_slots = []
        _next_slots = d.pop("next_slots")
        for next_slots_item_data in _next_slots:
            next_slots_item = CareSlot.from_dict(next_slots_item_data)

            next_slots.append(next_slots_item)

        unit_released = d.pop("unit_released")

        care_cancellation = cls(
            appointment=appointment,
            late=late,
            next_slots=next_slots,
            unit_released=unit_released,
        )

        care_cancellation.additional_properties = d
        return care_cancellation

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
