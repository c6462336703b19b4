from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CareLicense")


@_attrs_define
class CareLicense:
    """A license to practise in one jurisdiction.

    Attributes:
        authority (str): The issuing authority.
        expires_on (datetime.date): Last day the license is valid; after it, members there cannot book new sessions.
        jurisdiction (str): A country (`DE`) or a US state as `US-XX` (`US-CA`); the state must exist.
        number (str): The license number.
    """

    authority: str
    expires_on: datetime.date
    jurisdiction: str
    number: str

    def to_dict(self) -> dict[str, Any]:
        authority = self.authority

        expires_on = self.expires_on.isoformat()

        jurisdiction = self.jurisdiction

        number = self.number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "authority": authority,
                "expires_on": expires_on,
                "jurisdiction": jurisdiction,
                "number": number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        authority = d.pop("authority")

        expires_on = datetime.date.fromisoformat(d.pop("expires_on"))

        jurisdiction = d.pop("jurisdiction")

        number = d.pop("number")

        care_license = cls(
            authority=authority,
            expires_on=expires_on,
            jurisdiction=jurisdiction,
            number=number,
        )

        return care_license
