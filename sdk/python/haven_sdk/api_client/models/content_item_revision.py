from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_item_document import ContentItemDocument


T = TypeVar("T", bound="ContentItemRevision")


@_attrs_define
class ContentItemRevision:
    """One entry of an item's history.

    Attributes:
        action (str): `created`, `edited`, `published`, `unpublished`, `archived` or `scheduled`.
        at (datetime.datetime): When. Example: 2026-11-26T09:30:00Z.
        document (ContentItemDocument): An item document (draft or published), every locale.
        revision (int): The revision it produced.
        actor_id (None | str | Unset): The editor (absent: the scheduler, or an erased account). Example:
            usr_00000000000000000000000000.
        published_locales (list[str] | None | Unset): After a publish: the locales live.
    """

    action: str
    at: datetime.datetime
    document: ContentItemDocument
    revision: int
    actor_id: None | str | Unset = UNSET
    published_locales: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        at = self.at.isoformat()

        document = self.document.to_dict()

        revision = self.revision

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        published_locales: list[str] | None | Unset
        if isinstance(self.published_locales, Unset):
            published_locales = UNSET
        elif isinstance(self.published_locales, list):
            published_locales = self.published_locales

        else:
            published_locales = self.published_locales

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "at": at,
                "document": document,
                "revision": revision,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if published_locales is not UNSET:
            field_dict["published_locales"] = published_locales

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.content_item_document import ContentItemDocument

        d = dict(src_dict)
        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        document = ContentItemDocument.from_dict(d.pop("document"))

        revision = d.pop("revision")

        def _parse_actor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        def _parse_published_locales(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                published_locales_type_0 = cast(list[str], data)

                return published_locales_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        published_locales = _parse_published_locales(d.pop("published_locales", UNSET))

        content_item_revision = cls(
            action=action,
            at=at,
            document=document,
            revision=revision,
            actor_id=actor_id,
            published_locales=published_locales,
        )

        content_item_revision.additional_properties = d
        return content_item_revision

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
