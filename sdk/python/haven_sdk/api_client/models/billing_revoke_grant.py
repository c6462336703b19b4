from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BillingRevokeGrant")


@_attrs_define
class BillingRevokeGrant:
    """Body of `POST /v1/billing/admin/grants/{grant_id}/revoke`.

    Attributes:
        reason (str): Why (kept in the ledger's history), 1–500 characters.
    """

    reason: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason = d.pop("reason")

        billing_revoke_grant = cls(
            reason=reason,
        )

        return billing_revoke_grant
