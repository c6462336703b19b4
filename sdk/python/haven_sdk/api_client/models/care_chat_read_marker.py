from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CareChatReadMarker")


@_attrs_define
class CareChatReadMarker:
    """Where a participant's read marker is.

    Attributes:
        read_seq (int): You have read up to this `seq` (never lower than before).
        unread_count (int): Messages from the other participant after it.
    """

    read_seq: int
    unread_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        read_seq = self.read_seq

        unread_count = self.unread_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "read_seq": read_seq,
                "unread_count": unread_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        read_seq = d.pop("read_seq")

        unread_count = d.pop("unread_count")

        care_chat_read_marker = cls(
            read_seq=read_seq,
            unread_count=unread_count,
        )

        care_chat_read_marker.additional_properties = d
        return care_chat_read_marker

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
