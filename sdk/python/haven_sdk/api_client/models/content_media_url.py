from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContentMediaUrl")


@_attrs_define
class ContentMediaUrl:
    """A signed URL of a variant's audio.

    Attributes:
        content_type (str): MIME type of the audio.
        expires_at (datetime.datetime): When the URL stops working.
        size_bytes (int): Size in bytes.
        url (str): Path and query relative to the API's base URL; `GET` it (with `Range` if you
            like) without an `Authorization` header until `expires_at`.
    """

    content_type: str
    expires_at: datetime.datetime
    size_bytes: int
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        expires_at = self.expires_at.isoformat()

        size_bytes = self.size_bytes

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_type": content_type,
                "expires_at": expires_at,
                "size_bytes": size_bytes,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content_type = d.pop("content_type")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        size_bytes = d.pop("size_bytes")

        url = d.pop("url")

        content_media_url = cls(
            content_type=content_type,
            expires_at=expires_at,
            size_bytes=size_bytes,
            url=url,
        )

        content_media_url.additional_properties = d
        return content_media_url

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
