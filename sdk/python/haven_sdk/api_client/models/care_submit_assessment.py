from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.care_instrument import CareInstrument

T = TypeVar("T", bound="CareSubmitAssessment")


@_attrs_define
class CareSubmitAssessment:
    """Body of `POST /v1/care/me/assessments`.

    Attributes:
        answers (list[int]): One answer (0–3) per item, in item order: exactly 9 for `phq9`, 7 for `gad7`. The
            server computes the total; sending one is refused.
        instrument (CareInstrument): A questionnaire.
    """

    answers: list[int]
    instrument: CareInstrument

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers

        instrument = self.instrument.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
                "instrument": instrument,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        answers = cast(list[int], d.pop("answers"))

        instrument = CareInstrument(d.pop("instrument"))

        care_submit_assessment = cls(
            answers=answers,
            instrument=instrument,
        )

        return care_submit_assessment
