from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

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
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

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
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 1

            try:
                name: str = src_dict["name"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "name") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (name.__class__ is str or isinstance(name, str)):
                raise ParseError.wrong_type("string", name, src_dict, "name")

            schema: str | Unset = src_dict.get("schema", UNSET)
            if schema is not UNSET:
                _found += 1
                if not (schema.__class__ is str or isinstance(schema, str)):
                    raise ParseError.wrong_type("string", schema, src_dict, "schema")

            database: str | Unset = src_dict.get("database", UNSET)
            if database is not UNSET:
                _found += 1
                if not (database.__class__ is str or isinstance(database, str)):
                    raise ParseError.wrong_type("string", database, src_dict, "database")

            _value = src_dict.get("columns", UNSET)
            columns: list[IntegrationTableColumn] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not (_value.__class__ is list or isinstance(_value, list)):
                    raise ParseError.wrong_type("array", _value, src_dict, "columns")
                try:
                    columns = IntegrationTableColumn._from_dicts(_value)
                except ParseError as _error:
                    raise _error.item_of(_value).within(src_dict, "columns")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            integration_table = _new_object(cls)
            integration_table.name = name
            integration_table.schema = schema
            integration_table.database = database
            integration_table.columns = columns
            integration_table._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _IntegrationTable_FIELDS, "IntegrationTable")
            )
            parsed.append(integration_table)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("name", self.name),
            ("schema", self.schema),
            ("database", self.database),
            ("columns", self.columns),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"IntegrationTable({shown})"

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The keys the spec does not name, as received (an empty dict is created on first access)."""
        extras = self._additional_properties
        if extras is None:
            extras = self._additional_properties = {}
        return extras

    @additional_properties.setter
    def additional_properties(self, extras: dict[str, Any]) -> None:
        self._additional_properties = extras

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
