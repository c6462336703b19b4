from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.content_playback_event_result import ContentPlaybackEventResult


T = TypeVar("T", bound="ContentPlaybackSyncResult")


@_attrs_define
class ContentPlaybackSyncResult:
    """The answer of a sync.

    Attributes:
        accepted (int): How many were accepted.
        duplicates (int): How many were duplicates.
        refused (int): How many were refused.
        results (list[ContentPlaybackEventResult]): One result per event, in request order.
    """

    accepted: int
    duplicates: int
    refused: int
    results: list[ContentPlaybackEventResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        duplicates = self.duplicates

        refused = self.refused

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "duplicates": duplicates,
                "refused": refused,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_playback_event_result import ContentPlaybackEventResult

        d = dict(src_dict)
        accepted = d.pop("accepted")

        duplicates = d.pop("duplicates")

        refused = d.pop("refused")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ContentPlaybackEventResult.from_dict(results_item_data)

            results.append(results_item)

        content_playback_sync_result = cls(
            accepted=accepted,
            duplicates=duplicates,
            refused=refused,
            results=results,
        )

        content_playback_sync_result.additional_properties = d
        return content_playback_sync_result

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
