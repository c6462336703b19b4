from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_appointment_type import CareAppointmentType

if TYPE_CHECKING:
    from ..models.care_slot import CareSlot


T = TypeVar("T", bound="CareSlots")


@_attrs_define
class CareSlots:
    """Slots of one provider for one kind of session.

    Attributes:
        appointment_type (CareAppointmentType): A kind of session.
        slots (list[CareSlot]): Bookable starts, earliest first.
        time_zone (str): The zone of `local_start`/`local_end`.
    """

    appointment_type: CareAppointmentType
    slots: list[CareSlot]
    time_zone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointment_type = self.appointment_type.value

        slots = []
        for slots_item_data in self.slots:
            slots_item = slots_item_data.to_dict()
            slots.append(slots_item)

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointment_type": appointment_type,
                "slots": slots,
                "time_zone": time_zone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_slot import CareSlot

        d = dict(src_dict)
        appointment_type = CareAppointmentType(d.pop("appointment_type"))

        slots = []
        _slots = d.pop("slots")
        for slots_item_data in _slots:
            slots_item = CareSlot.from_dict(slots_item_data)

            slots.append(slots_item)

        time_zone = d.pop("time_zone")

        care_slots = cls(
            appointment_type=appointment_type,
            slots=slots,
            time_zone=time_zone,
        )

        care_slots.additional_properties = d
        return care_slots

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
