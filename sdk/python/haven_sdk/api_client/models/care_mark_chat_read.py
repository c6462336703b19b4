from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CareMarkChatRead")


@_attrs_define
class CareMarkChatRead:
    """Body of `POST /v1/care/chat/threads/{thread_id}/read`.

    Attributes:
        up_to_seq (int): You have read every message up to this `seq`. A marker never moves backwards (a
            lower value changes nothing); a value past the newest message marks all read.
    """

    up_to_seq: int

    def to_dict(self) -> dict[str, Any]:
        up_to_seq = self.up_to_seq

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "up_to_seq": up_to_seq,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        up_to_seq = d.pop("up_to_seq")

        care_mark_chat_read = cls(
            up_to_seq=up_to_seq,
        )

        return care_mark_chat_read
