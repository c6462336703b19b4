from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BillingStoreAccount")


@_attrs_define
class BillingStoreAccount:
    """The member's account token for store purchases.

    Attributes:
        account_token (UUID): A UUID the app sets on every store purchase: `appAccountToken` (App Store) and
            `obfuscatedExternalAccountId` (Google Play). It links the store's subscription to
            this member; it never changes.
    """

    account_token: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_token = str(self.account_token)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_token": account_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_token = UUID(d.pop("account_token"))

        billing_store_account = cls(
            account_token=account_token,
        )

        billing_store_account.additional_properties = d
        return billing_store_account

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
