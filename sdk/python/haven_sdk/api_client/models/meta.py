from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Meta")


@_attrs_define
class Meta:
    """Describes the running service.

    Attributes:
        commit (str): Git commit the binary was built from (`unknown` outside a checkout).
        database (str): Database backend of the primary pool: `sqlite` or `postgres`.
        modules (list[str]): Names of the mounted domain modules.
        name (str): Service name, always `haven`.
        version (str): Version of the binary.
    """

    commit: str
    database: str
    modules: list[str]
    name: str
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        commit = self.commit

        database = self.database

        modules = self.modules

        name = self.name

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "commit": commit,
                "database": database,
                "modules": modules,
                "name": name,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        commit = d.pop("commit")

        database = d.pop("database")

        modules = cast(list[str], d.pop("modules"))

        name = d.pop("name")

        version = d.pop("version")

        meta = cls(
            commit=commit,
            database=database,
            modules=modules,
            name=name,
            version=version,
        )

        meta.additional_properties = d
        return meta

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
