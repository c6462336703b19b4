from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_instrument import CareInstrument
from ..models.care_severity import CareSeverity

T = TypeVar("T", bound="CareAssessment")


@_attrs_define
class CareAssessment:
    """A completed assessment (health data).

    Attributes:
        answers (list[int]): The answers, in item order.
        created_at (datetime.datetime): When it was submitted. Example: 2026-11-26T09:30:00Z.
        escalated (bool): Whether it raised an escalation to a clinician.
        id (str): The assessment (`asm_…`).
        instrument (CareInstrument): A questionnaire.
        instrument_version (int): The definition version that scored it.
        severity (CareSeverity): A severity band's name.
        total (int): The server's total.
    """

    answers: list[int]
    created_at: datetime.datetime
    escalated: bool
    id: str
    instrument: CareInstrument
    instrument_version: int
    severity: CareSeverity
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers

        created_at = self.created_at.isoformat()

        escalated = self.escalated

        id = self.id

        instrument = self.instrument.value

        instrument_version = self.instrument_version

        severity = self.severity.value

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answers": answers,
                "created_at": created_at,
                "escalated": escalated,
                "id": id,
                "instrument": instrument,
                "instrument_version": instrument_version,
                "severity": severity,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        answers = cast(list[int], d.pop("answers"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        escalated = d.pop("escalated")

        id = d.pop("id")

        instrument = CareInstrument(d.pop("instrument"))

        instrument_version = d.pop("instrument_version")

        severity = CareSeverity(d.pop("severity"))

        total = d.pop("total")

        care_assessment = cls(
            answers=answers,
            created_at=created_at,
            escalated=escalated,
            id=id,
            instrument=instrument,
            instrument_version=instrument_version,
            severity=severity,
            total=total,
        )

        care_assessment.additional_properties = d
        return care_assessment

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
