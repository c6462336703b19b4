from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_product_features import BillingProductFeatures


T = TypeVar("T", bound="BillingCreateProduct")


@_attrs_define
class BillingCreateProduct:
    """Body of `POST /v1/billing/admin/products`. Unknown fields are rejected.

    Attributes:
        code (str): Stable handle, unique: a lower-case letter, then lower-case letters, digits, `-`
            or `_`, at most 64 characters.
        features (BillingProductFeatures): What a product grants. Counted features carry their yearly number of
            sessions.
        name (str): Display name, 1–200 characters (trimmed).
        description (None | str | Unset): Description shown to members, at most 2000 characters; absent: empty.
    """

    code: str
    features: BillingProductFeatures
    name: str
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        features = self.features.to_dict()

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "features": features,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_product_features import BillingProductFeatures

        d = dict(src_dict)
        code = d.pop("code")

        features = BillingProductFeatures.from_dict(d.pop("features"))

        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        billing_create_product = cls(
            code=code,
            features=features,
            name=name,
            description=description,
        )

        return billing_create_product
