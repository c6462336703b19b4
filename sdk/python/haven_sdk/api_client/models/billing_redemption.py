from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_promo_kind import BillingPromoKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingRedemption")


@_attrs_define
class BillingRedemption:
    """A redemption.

    Attributes:
        id (str): The redemption id. Example: red_00000000000000000000000000.
        kind (BillingPromoKind): What a code gives.
        granted_until (datetime.datetime | None | Unset): End of the free period granted (`free_period`). Example:
            2026-11-26T09:30:00Z.
    """

    id: str
    kind: BillingPromoKind
    granted_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        granted_until: None | str | Unset
        if isinstance(self.granted_until, Unset):
            granted_until = UNSET
        elif isinstance(self.granted_until, datetime.datetime):
            granted_until = self.granted_until.isoformat()
        else:
            granted_until = self.granted_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
            }
        )
        if granted_until is not UNSET:
            field_dict["granted_until"] = granted_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        kind = BillingPromoKind(d.pop("kind"))

        def _parse_granted_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                granted_until_type_0 = datetime.datetime.fromisoformat(data)

                return granted_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        granted_until = _parse_granted_until(d.pop("granted_until", UNSET))

        billing_redemption = cls(
            id=id,
            kind=kind,
            granted_until=granted_until,
        )

        billing_redemption.additional_properties = d
        return billing_redemption

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
