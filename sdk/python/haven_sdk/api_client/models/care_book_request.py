from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.care_appointment_type import CareAppointmentType

T = TypeVar("T", bound="CareBookRequest")


@_attrs_define
class CareBookRequest:
    """Body of `POST /v1/care/appointments`.

    Attributes:
        appointment_type (CareAppointmentType): A kind of session.
        provider_id (str): The provider. Example: prv_00000000000000000000000000.
        starts_at (datetime.datetime): A slot's `starts_at` from `GET /v1/care/providers/{id}/slots`.
    """

    appointment_type: CareAppointmentType
    provider_id: str
    starts_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        appointment_type = self.appointment_type.value

        provider_id = self.provider_id

        starts_at = self.starts_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "appointment_type": appointment_type,
                "provider_id": provider_id,
                "starts_at": starts_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        appointment_type = CareAppointmentType(d.pop("appointment_type"))

        provider_id = d.pop("provider_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        care_book_request = cls(
            appointment_type=appointment_type,
            provider_id=provider_id,
            starts_at=starts_at,
        )

        return care_book_request
