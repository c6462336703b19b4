from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CarePostChatMessage")


@_attrs_define
class CarePostChatMessage:
    """Body of `POST /v1/care/chat/threads/{thread_id}/messages`.

    Attributes:
        body (str): The text, 1–4000 characters, not blank.
        client_message_id (UUID): Your id for this message, a UUID generated once and kept across retries: a resend
            with the same id answers the stored message (`200`) instead of a duplicate.
    """

    body: str
    client_message_id: UUID

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        client_message_id = str(self.client_message_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
                "client_message_id": client_message_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        body = d.pop("body")

        client_message_id = UUID(d.pop("client_message_id"))

        care_post_chat_message = cls(
            body=body,
            client_message_id=client_message_id,
        )

        return care_post_chat_message
