from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.integration_table_column import IntegrationTableColumn


_new_object = object.__new__  # a module global: one lookup per object, not two
_IntegrationTable_FIELDS = frozenset(
    {
        "name",
        "schema",
        "database",
        "columns",
    }
)


@_attrs_define
class IntegrationTable:
    """A cached table of the integration (fields from Deepnote's agent skills)."""

    name: str
    schema: str | Unset = UNSET
    database: str | Unset = UNSET
    """ Present where the integration has databases (Snowflake, BigQuery). """
    columns: list[IntegrationTableColumn] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        schema = self.schema

        database = self.database

        columns: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.columns, Unset):
            columns = []
            for columns_item_data in self.columns:
                columns_item = columns_item_data.to_dict()
                columns.append(columns_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema
        if database is not UNSET:
            field_dict["database"] = database
        if columns is not UNSET:
            field_dict["columns"] = columns

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.integration_table_column import IntegrationTableColumn

        parsed: list[Self] = []
        _append = parsed.append
        for src_dict in src_dicts:
            # isinstance against the Mapping ABC costs 0.3 us; decoded JSON objects are dicts.
            if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
                raise ParseError.wrong_type("object", src_dict, src_dict)
            # Fields are read and counted; the other keys are collected only if there are any.
            _found = 1
            _get = src_dict.get
            try:
                name: str = src_dict["name"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "name") from None
            if not isinstance(name, str):
                raise ParseError.wrong_type("string", name, src_dict, "name")
            schema: str | Unset = _get("schema", UNSET)
            if schema is not UNSET:
                _found += 1
                if not isinstance(schema, str):
                    raise ParseError.wrong_type("string", schema, src_dict, "schema")
            database: str | Unset = _get("database", UNSET)
            if database is not UNSET:
                _found += 1
                if not isinstance(database, str):
                    raise ParseError.wrong_type("string", database, src_dict, "database")
            _value = _get("columns", UNSET)
            columns: list[IntegrationTableColumn] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not isinstance(_value, list):
                    raise ParseError.wrong_type("array", _value, src_dict, "columns")
                try:
                    columns = IntegrationTableColumn._from_dicts(_value)
                except ParseError as _error:
                    raise _error.item_of(_value).within(src_dict, "columns")

            d = (
                {}
                if len(src_dict) == _found
                else {
                    key: value
                    for key, value in src_dict.items()
                    if key not in _IntegrationTable_FIELDS
                }
            )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            integration_table = _new_object(cls)
            integration_table.name = name
            integration_table.schema = schema
            integration_table.database = database
            integration_table.columns = columns

            integration_table.additional_properties = d
            _append(integration_table)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("name", self.name),
            ("schema", self.schema),
            ("database", self.database),
            ("columns", self.columns),
            ("additional_properties", self.additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"IntegrationTable({shown})"

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
