from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.import_notebook_action import ImportNotebookAction
from ..types import UNSET, extras_eq_key, unknown_fields

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
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

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
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 3

            try:
                id: str = src_dict["id"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "id") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (id.__class__ is str or isinstance(id, str)):
                raise ParseError.wrong_type("string", id, src_dict, "id")

            try:
                name: str = src_dict["name"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "name") from None
            if not (name.__class__ is str or isinstance(name, str)):
                raise ParseError.wrong_type("string", name, src_dict, "name")

            try:
                _value = src_dict["action"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "action") from None
            action: ImportNotebookAction
            try:
                action = _ImportNotebookAction_BY_VALUE[_value]
            except (KeyError, TypeError):
                if not (_value.__class__ is str or isinstance(_value, str)):
                    raise ParseError.wrong_type("string", _value, src_dict, "action") from None
                action = ImportNotebookAction(_value)

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            imported_notebook = _new_object(cls)
            imported_notebook.id = id
            imported_notebook.name = name
            imported_notebook.action = action
            imported_notebook._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _ImportedNotebook_FIELDS, "ImportedNotebook")
            )
            parsed.append(imported_notebook)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("name", self.name),
            ("action", self.action),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ImportedNotebook({shown})"

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
