from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.import_notebook_action import ImportNotebookAction
from ..types import UNSET

_ImportNotebookAction_BY_VALUE = cast(
    "dict[str, ImportNotebookAction]", ImportNotebookAction._value2member_map_
)
_new_object = object.__new__  # a module global: one lookup per object, not two
_ImportedNotebook_FIELDS = frozenset(
    {
        "id",
        "name",
        "action",
    }
)


@_attrs_define
class ImportedNotebook:
    id: str
    name: str
    action: ImportNotebookAction
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        action = self.action.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "action": action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        parsed: list[Self] = []
        _append = parsed.append
        for src_dict in src_dicts:
            # isinstance against the Mapping ABC costs 0.3 us; decoded JSON objects are dicts.
            if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
                raise ParseError.wrong_type("object", src_dict, src_dict)
            # Fields are read and counted; the other keys are collected only if there are any.
            _found = 3
            try:
                id: str = src_dict["id"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "id") from None
            if not isinstance(id, str):
                raise ParseError.wrong_type("string", id, src_dict, "id")
            try:
                name: str = src_dict["name"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "name") from None
            if not isinstance(name, str):
                raise ParseError.wrong_type("string", name, src_dict, "name")
            try:
                _value = src_dict["action"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "action") from None
            action: ImportNotebookAction
            if not isinstance(_value, str):
                raise ParseError.wrong_type("string", _value, src_dict, "action")
            action = _ImportNotebookAction_BY_VALUE.get(_value) or ImportNotebookAction(_value)

            d = (
                {}
                if len(src_dict) == _found
                else {
                    key: value
                    for key, value in src_dict.items()
                    if key not in _ImportedNotebook_FIELDS
                }
            )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            imported_notebook = _new_object(cls)
            imported_notebook.id = id
            imported_notebook.name = name
            imported_notebook.action = action

            imported_notebook.additional_properties = d
            _append(imported_notebook)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("name", self.name),
            ("action", self.action),
            ("additional_properties", self.additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ImportedNotebook({shown})"

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
