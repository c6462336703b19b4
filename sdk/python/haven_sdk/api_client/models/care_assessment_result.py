from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.care_assessment import CareAssessment
    from ..models.care_crisis_resource import CareCrisisResource


T = TypeVar("T", bound="CareAssessmentResult")


@_attrs_define
class CareAssessmentResult:
    """The answer to a submission.

    Attributes:
        assessment (CareAssessment): A completed assessment (health data).
        crisis_resources (list[CareCrisisResource]): Where to turn right now, for the country of your care profile:
            filled when the
            assessment escalated, empty otherwise.
        escalated (bool): Whether a clinician was alerted to reach out.
    """

    assessment: CareAssessment
    crisis_resources: list[CareCrisisResource]
    escalated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessment = self.assessment.to_dict()

        crisis_resources = []
        for crisis_resources_item_data in self.crisis_resources:
            crisis_resources_item = crisis_resources_item_data.to_dict()
            crisis_resources.append(crisis_resources_item)

        escalated = self.escalated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessment": assessment,
                "crisis_resources": crisis_resources,
                "escalated": escalated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_assessment import CareAssessment
        from ..models.care_crisis_resource import CareCrisisResource

        d = dict(src_dict)
        assessment = CareAssessment.from_dict(d.pop("assessment"))

        crisis_resources = []
        _crisis_resources = d.pop("crisis_resources")
        for crisis_resources_item_data in _crisis_resources:
            crisis_resources_item = CareCrisisResource.from_dict(
                crisis_resources_item_data
            )

            crisis_resources.append(crisis_resources_item)

        escalated = d.pop("escalated")

        care_assessment_result = cls(
            assessment=assessment,
            crisis_resources=crisis_resources,
            escalated=escalated,
        )

        care_assessment_result.additional_properties = d
        return care_assessment_result

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
