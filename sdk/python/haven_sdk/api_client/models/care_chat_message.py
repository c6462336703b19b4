from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_chat_sender_role import CareChatSenderRole

T = TypeVar("T", bound="CareChatMessage")


@_attrs_define
class CareChatMessage:
    """One message.

    Attributes:
        body (str): The text.
        client_message_id (str): The id the sender gave it.
        created_at (datetime.datetime): When it was stored. Example: 2026-11-26T09:30:00Z.
        id (str): The message (`chm_…`).
        sender_id (str): Who wrote it (`usr_…`).
        sender_role (CareChatSenderRole): Who wrote a message.
        seq (int): Its position in the thread, from 1, without gaps between messages of the same
            thread (the `id:` of its SSE event).
        thread_id (str): Its thread (`cht_…`).
    """

    body: str
    client_message_id: str
    created_at: datetime.datetime
    id: str
    sender_id: str
    sender_role: CareChatSenderRole
    seq: int
    thread_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        client_message_id = self.client_message_id

        created_at = self.created_at.isoformat()

        id = self.id

        sender_id = self.sender_id

        sender_role = self.sender_role.value

        seq = self.seq

        thread_id = self.thread_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "client_message_id": client_message_id,
                "created_at": created_at,
                "id": id,
                "sender_id": sender_id,
                "sender_role": sender_role,
                "seq": seq,
                "thread_id": thread_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        body = d.pop("body")

        client_message_id = d.pop("client_message_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        sender_id = d.pop("sender_id")

        sender_role = CareChatSenderRole(d.pop("sender_role"))

        seq = d.pop("seq")

        thread_id = d.pop("thread_id")

        care_chat_message = cls(
            body=body,
            client_message_id=client_message_id,
            created_at=created_at,
            id=id,
            sender_id=sender_id,
            sender_role=sender_role,
            seq=seq,
            thread_id=thread_id,
        )

        care_chat_message.additional_properties = d
        return care_chat_message

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
