from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identity_export_state import IdentityExportState
from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityExport")


@_attrs_define
class IdentityExport:
    """An export of the caller's data from every module.

    Attributes:
        expires_at (datetime.datetime): Until when it can be downloaded (7 days after the request). Example:
            2026-11-26T09:30:00Z.
        id (str): The export id. Example: exp_00000000000000000000000000.
        requested_at (datetime.datetime): When it was requested. Example: 2026-11-26T09:30:00Z.
        state (IdentityExportState): Where an export stands.
        completed_at (datetime.datetime | None | Unset): When it was assembled; absent while pending. Example:
            2026-11-26T09:30:00Z.
        downloaded_at (datetime.datetime | None | Unset): When it was downloaded; absent until then. Example:
            2026-11-26T09:30:00Z.
    """

    expires_at: datetime.datetime
    id: str
    requested_at: datetime.datetime
    state: IdentityExportState
    completed_at: datetime.datetime | None | Unset = UNSET
    downloaded_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at.isoformat()

        id = self.id

        requested_at = self.requested_at.isoformat()

        state = self.state.value

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        downloaded_at: None | str | Unset
        if isinstance(self.downloaded_at, Unset):
            downloaded_at = UNSET
        elif isinstance(self.downloaded_at, datetime.datetime):
            downloaded_at = self.downloaded_at.isoformat()
        else:
            downloaded_at = self.downloaded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expires_at": expires_at,
                "id": id,
                "requested_at": requested_at,
                "state": state,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if downloaded_at is not UNSET:
            field_dict["downloaded_at"] = downloaded_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = d.pop("id")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        state = IdentityExportState(d.pop("state"))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_downloaded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                downloaded_at_type_0 = datetime.datetime.fromisoformat(data)

                return downloaded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        downloaded_at = _parse_downloaded_at(d.pop("downloaded_at", UNSET))

        identity_export = cls(
            expires_at=expires_at,
            id=id,
            requested_at=requested_at,
            state=state,
            completed_at=completed_at,
            downloaded_at=downloaded_at,
        )

        identity_export.additional_properties = d
        return identity_export

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
