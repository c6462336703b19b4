from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.care_schedule_exception import CareScheduleException
    from ..models.care_weekly_rule import CareWeeklyRule


T = TypeVar("T", bound="CareSchedule")


@_attrs_define
class CareSchedule:
    """A provider's hours: weekly rules and date exceptions, in the provider's zone.

    Attributes:
        exceptions (list[CareScheduleException]): Date exceptions.
        rules (list[CareWeeklyRule]): Weekly rules (several per weekday allowed).
    """

    exceptions: list[CareScheduleException]
    rules: list[CareWeeklyRule]

    def to_dict(self) -> dict[str, Any]:
        exceptions = []
        for exceptions_item_data in self.exceptions:
            exceptions_item = exceptions_item_data.to_dict()
            exceptions.append(exceptions_item)

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "exceptions": exceptions,
                "rules": rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_schedule_exception import CareScheduleException
        from ..models.care_weekly_rule import CareWeeklyRule

        d = dict(src_dict)
        exceptions = []
        _exceptions = d.pop("exceptions")
        for exceptions_item_data in _exceptions:
            exceptions_item = CareScheduleException.from_dict(exceptions_item_data)

            exceptions.append(exceptions_item)

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = CareWeeklyRule.from_dict(rules_item_data)

            rules.append(rules_item)

        care_schedule = cls(
            exceptions=exceptions,
            rules=rules,
        )

        return care_schedule
