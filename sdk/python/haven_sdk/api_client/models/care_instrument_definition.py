from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_instrument import CareInstrument

if TYPE_CHECKING:
    from ..models.care_answer_option import CareAnswerOption
    from ..models.care_instrument_item import CareInstrumentItem
    from ..models.care_severity_band import CareSeverityBand


T = TypeVar("T", bound="CareInstrumentDefinition")


@_attrs_define
class CareInstrumentDefinition:
    """A versioned questionnaire definition.

    Attributes:
        instrument (CareInstrument): A questionnaire.
        items (list[CareInstrumentItem]): The items, in answer order.
        options (list[CareAnswerOption]): The options every item takes.
        prompt (str): The question every item answers.
        severity_bands (list[CareSeverityBand]): How totals map to severity.
        title (str): Title.
        version (int): The definition's version; stored assessments name the version that scored them.
    """

    instrument: CareInstrument
    items: list[CareInstrumentItem]
    options: list[CareAnswerOption]
    prompt: str
    severity_bands: list[CareSeverityBand]
    title: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instrument = self.instrument.value

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        prompt = self.prompt

        severity_bands = []
        for severity_bands_item_data in self.severity_bands:
            severity_bands_item = severity_bands_item_data.to_dict()
            severity_bands.append(severity_bands_item)

        title = self.title

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instrument": instrument,
                "items": items,
                "options": options,
                "prompt": prompt,
                "severity_bands": severity_bands,
                "title": title,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_answer_option import CareAnswerOption
        from ..models.care_instrument_item import CareInstrumentItem
        from ..models.care_severity_band import CareSeverityBand

        d = dict(src_dict)
        instrument = CareInstrument(d.pop("instrument"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = CareInstrumentItem.from_dict(items_item_data)

            items.append(items_item)

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = CareAnswerOption.from_dict(options_item_data)

            options.append(options_item)

        prompt = d.pop("prompt")

        severity_bands = []
        _severity_bands = d.pop("severity_bands")
        for severity_bands_item_data in _severity_bands:
            severity_bands_item = CareSeverityBand.from_dict(severity_bands_item_data)

            severity_bands.append(severity_bands_item)

        title = d.pop("title")

        version = d.pop("version")

        care_instrument_definition = cls(
            instrument=instrument,
            items=items,
            options=options,
            prompt=prompt,
            severity_bands=severity_bands,
            title=title,
            version=version,
        )

        care_instrument_definition.additional_properties = d
        return care_instrument_definition

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
