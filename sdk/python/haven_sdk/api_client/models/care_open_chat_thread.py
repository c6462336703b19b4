from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CareOpenChatThread")


@_attrs_define
class CareOpenChatThread:
    """Body of `POST /v1/care/me/chat/threads`.

    Attributes:
        provider_id (str): The coach (your plan must include coaching) or the clinician on your care team
            (`prv_…`). Example: prv_00000000000000000000000000.
    """

    provider_id: str

    def to_dict(self) -> dict[str, Any]:
        provider_id = self.provider_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provider_id": provider_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        provider_id = d.pop("provider_id")

        care_open_chat_thread = cls(
            provider_id=provider_id,
        )

        return care_open_chat_thread
