from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_note_status import CareNoteStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.care_note_amendment import CareNoteAmendment


T = TypeVar("T", bound="CareClinicalNote")


@_attrs_define
class CareClinicalNote:
    """A clinical note (or, answered by the amend operation, an amendment).

    Attributes:
        amendments (list[CareNoteAmendment]): Its amendments, oldest first (always empty for a draft or an amendment).
        appointment_id (str): The appointment it is about (`apt_…`).
        author_id (str): The clinician who wrote it (`usr_…`).
        body (str): The text.
        created_at (datetime.datetime): When it was created. Example: 2026-11-26T09:30:00Z.
        id (str): The note (`cno_…`).
        member_id (str): The member (`usr_…`).
        revision (int): Bumped by each change; the `ETag` is `"r{revision}"`.
        status (CareNoteStatus): Where a note stands.
        updated_at (datetime.datetime): When it last changed. Example: 2026-11-26T09:30:00Z.
        amends_id (None | str | Unset): The note an amendment amends; `null` for a note.
        signed_at (datetime.datetime | None | Unset): When it was signed; `null` for a draft. Example:
            2026-11-26T09:30:00Z.
    """

    amendments: list[CareNoteAmendment]
    appointment_id: str
    author_id: str
    body: str
    created_at: datetime.datetime
    id: str
    member_id: str
    revision: int
    status: CareNoteStatus
    updated_at: datetime.datetime
    amends_id: None | str | Unset = UNSET
    signed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amendments = []
        for amendments_item_data in self.amendments:
            amendments_item = amendments_item_data.to_dict()
            amendments.append(amendments_item)

        appointment_id = self.appointment_id

        author_id = self.author_id

        body = self.body

        created_at = self.created_at.isoformat()

        id = self.id

        member_id = self.member_id

        revision = self.revision

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        amends_id: None | str | Unset
        if isinstance(self.amends_id, Unset):
            amends_id = UNSET
        else:
            amends_id = self.amends_id

        signed_at: None | str | Unset
        if isinstance(self.signed_at, Unset):
            signed_at = UNSET
        elif isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amendments": amendments,
                "appointment_id": appointment_id,
                "author_id": author_id,
                "body": body,
                "created_at": created_at,
                "id": id,
                "member_id": member_id,
                "revision": revision,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if amends_id is not UNSET:
            field_dict["amends_id"] = amends_id
        if signed_at is not UNSET:
            field_dict["signed_at"] = signed_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_note_amendment import CareNoteAmendment

        d = dict(src_dict)
        amendments = []
        _amendments = d.pop("amendments")
        for amendments_item_data in _amendments:
            amendments_item = CareNoteAmendment.from_dict(amendments_item_data)

            amendments.append(amendments_item)

        appointment_id = d.pop("appointment_id")

        author_id = d.pop("author_id")

        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        member_id = d.pop("member_id")

        revision = d.pop("revision")

        status = CareNoteStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_amends_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amends_id = _parse_amends_id(d.pop("amends_id", UNSET))

        def _parse_signed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        signed_at = _parse_signed_at(d.pop("signed_at", UNSET))

        care_clinical_note = cls(
            amendments=amendments,
            appointment_id=appointment_id,
            author_id=author_id,
            body=body,
            created_at=created_at,
            id=id,
            member_id=member_id,
            revision=revision,
            status=status,
            updated_at=updated_at,
            amends_id=amends_id,
            signed_at=signed_at,
        )

        care_clinical_note.additional_properties = d
        return care_clinical_note

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
