from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.integration_table import IntegrationTable


_new_object = object.__new__  # a module global: one lookup per object, not two
_GetIntegrationResponse_FIELDS = frozenset(
    {
        "tables",
    }
)


@_attrs_define
class GetIntegrationResponse:
    """The integration with its cached `tables`. Only `tables` is known (from Deepnote's agent skills); the integration's
    own fields land in the model's additional properties.

    """

    tables: list[IntegrationTable] | Unset = UNSET
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        tables: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tables, Unset):
            tables = []
            for tables_item_data in self.tables:
                tables_item = tables_item_data.to_dict()
                tables.append(tables_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tables is not UNSET:
            field_dict["tables"] = tables

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.integration_table import IntegrationTable

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Decoded JSON objects are dicts: the class test is cheaper than isinstance against dict,
            # and far cheaper than against the Mapping ABC.
            if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
                raise ParseError.wrong_type("object", src_dict, src_dict)
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 0

            _value = src_dict.get("tables", UNSET)
            tables: list[IntegrationTable] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not (_value.__class__ is list or isinstance(_value, list)):
                    raise ParseError.wrong_type("array", _value, src_dict, "tables")
                try:
                    tables = IntegrationTable._from_dicts(_value)
                except ParseError as _error:
                    raise _error.item_of(_value).within(src_dict, "tables")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            get_integration_response = _new_object(cls)
            get_integration_response.tables = tables
            get_integration_response._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(
                    src_dict, _GetIntegrationResponse_FIELDS, "GetIntegrationResponse"
                )
            )
            parsed.append(get_integration_response)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("tables", self.tables),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"GetIntegrationResponse({shown})"

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
