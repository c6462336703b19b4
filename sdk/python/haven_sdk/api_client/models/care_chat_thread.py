from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.care_chat_message import CareChatMessage


T = TypeVar("T", bound="CareChatThread")


@_attrs_define
class CareChatThread:
    """A thread as one participant sees it.

    Attributes:
        created_at (datetime.datetime): When it was opened. Example: 2026-11-26T09:30:00Z.
        id (str): The thread (`cht_…`).
        last_seq (int): The newest message's `seq` (0: no message yet).
        member_id (str): The member (`usr_…`).
        peer_read_seq (int): The other participant has read up to this `seq`.
        provider_id (str): The provider's profile (`prv_…`).
        provider_user_id (str): The provider's account (`usr_…`).
        read_seq (int): You have read up to this `seq`.
        unread_count (int): Messages from the other participant after `read_seq`.
        last_message (CareChatMessage | Unset): One message.
    """

    created_at: datetime.datetime
    id: str
    last_seq: int
    member_id: str
    peer_read_seq: int
    provider_id: str
    provider_user_id: str
    read_seq: int
    unread_count: int
    last_message: CareChatMessage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        last_seq = self.last_seq

        member_id = self.member_id

        peer_read_seq = self.peer_read_seq

        provider_id = self.provider_id

        provider_user_id = self.provider_user_id

        read_seq = self.read_seq

        unread_count = self.unread_count

        last_message: dict[str, Any] | Unset = UNSET
        if not isinstance(self.last_message, Unset):
            last_message = self.last_message.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "last_seq": last_seq,
                "member_id": member_id,
                "peer_read_seq": peer_read_seq,
                "provider_id": provider_id,
                "provider_user_id": provider_user_id,
                "read_seq": read_seq,
                "unread_count": unread_count,
            }
        )
        if last_message is not UNSET:
            field_dict["last_message"] = last_message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_chat_message import CareChatMessage

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        last_seq = d.pop("last_seq")

        member_id = d.pop("member_id")

        peer_read_seq = d.pop("peer_read_seq")

        provider_id = d.pop("provider_id")

        provider_user_id = d.pop("provider_user_id")

        read_seq = d.pop("read_seq")

        unread_count = d.pop("unread_count")

        _last_message = d.pop("last_message", UNSET)
        last_message: CareChatMessage | Unset
        if isinstance(_last_message, Unset):
            last_message = UNSET
        else:
            last_message = CareChatMessage.from_dict(_last_message)

        care_chat_thread = cls(
            created_at=created_at,
            id=id,
            last_seq=last_seq,
            member_id=member_id,
            peer_read_seq=peer_read_seq,
            provider_id=provider_id,
            provider_user_id=provider_user_id,
            read_seq=read_seq,
            unread_count=unread_count,
            last_message=last_message,
        )

        care_chat_thread.additional_properties = d
        return care_chat_thread

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
