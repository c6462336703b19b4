from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_appointment_status import CareAppointmentStatus
from ..models.care_appointment_type import CareAppointmentType
from ..models.care_canceller import CareCanceller
from ..types import UNSET, Unset

T = TypeVar("T", bound="CareAppointment")


@_attrs_define
class CareAppointment:
    """An appointment (health data).

    Attributes:
        appointment_type (CareAppointmentType): A kind of session.
        created_at (datetime.datetime): Booked. Example: 2026-11-26T09:30:00Z.
        ends_at (datetime.datetime): End (UTC). Example: 2026-11-26T09:30:00Z.
        id (str): The appointment. Example: apt_00000000000000000000000000.
        member_id (str): The member. Example: usr_00000000000000000000000000.
        provider_id (str): The provider. Example: prv_00000000000000000000000000.
        starts_at (datetime.datetime): Start (UTC). Example: 2026-11-26T09:30:00Z.
        status (CareAppointmentStatus): Where an appointment stands (new values may be added).
        strike (bool): Whether it counted against the member (a late cancellation or a no-show).
        video_url (str): The video join link.
        cancelled_at (datetime.datetime | None | Unset): When cancelled. Example: 2026-11-26T09:30:00Z.
        cancelled_by (CareCanceller | Unset): Who cancelled.
        rescheduled_from (None | str | Unset): The appointment this one replaced. Example:
            apt_00000000000000000000000000.
    """

    appointment_type: CareAppointmentType
    created_at: datetime.datetime
    ends_at: datetime.datetime
    id: str
    member_id: str
    provider_id: str
    starts_at: datetime.datetime
    status: CareAppointmentStatus
    strike: bool
    video_url: str
    cancelled_at: datetime.datetime | None | Unset = UNSET
    cancelled_by: CareCanceller | Unset = UNSET
    rescheduled_from: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointment_type = self.appointment_type.value

        created_at = self.created_at.isoformat()

        ends_at = self.ends_at.isoformat()

        id = self.id

        member_id = self.member_id

        provider_id = self.provider_id

        starts_at = self.starts_at.isoformat()

        status = self.status.value

        strike = self.strike

        video_url = self.video_url

        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        elif isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        cancelled_by: str | Unset = UNSET
        if not isinstance(self.cancelled_by, Unset):
            cancelled_by = self.cancelled_by.value

        rescheduled_from: None | str | Unset
        if isinstance(self.rescheduled_from, Unset):
            rescheduled_from = UNSET
        else:
            rescheduled_from = self.rescheduled_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointment_type": appointment_type,
                "created_at": created_at,
                "ends_at": ends_at,
                "id": id,
                "member_id": member_id,
                "provider_id": provider_id,
                "starts_at": starts_at,
                "status": status,
                "strike": strike,
                "video_url": video_url,
            }
        )
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if cancelled_by is not UNSET:
            field_dict["cancelled_by"] = cancelled_by
        if rescheduled_from is not UNSET:
            field_dict["rescheduled_from"] = rescheduled_from

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        appointment_type = CareAppointmentType(d.pop("appointment_type"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        id = d.pop("id")

        member_id = d.pop("member_id")

        provider_id = d.pop("provider_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        status = CareAppointmentStatus(d.pop("status"))

        strike = d.pop("strike")

        video_url = d.pop("video_url")

        def _parse_cancelled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at", UNSET))

        _cancelled_by = d.pop("cancelled_by", UNSET)
        cancelled_by: CareCanceller | Unset
        if isinstance(_cancelled_by, Unset):
            cancelled_by = UNSET
        else:
            cancelled_by = CareCanceller(_cancelled_by)

        def _parse_rescheduled_from(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rescheduled_from = _parse_rescheduled_from(d.pop("rescheduled_from", UNSET))

        care_appointment = cls(
            appointment_type=appointment_type,
            created_at=created_at,
            ends_at=ends_at,
            id=id,
            member_id=member_id,
            provider_id=provider_id,
            starts_at=starts_at,
            status=status,
            strike=strike,
            video_url=video_url,
            cancelled_at=cancelled_at,
            cancelled_by=cancelled_by,
            rescheduled_from=rescheduled_from,
        )

        care_appointment.additional_properties = d
        return care_appointment

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
