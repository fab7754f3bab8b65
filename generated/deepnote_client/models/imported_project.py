from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, extras_eq_key, unknown_fields

_new_object = object.__new__  # a module global: one lookup per object, not two
_ImportedProject_FIELDS = frozenset(
    {
        "id",
        "modifiedAt",
        "contentHash",
    }
)


@_attrs_define
class ImportedProject:
    """The project after the import; `modifiedAt` and `contentHash` are the new base for the next import."""

    id: str
    modified_at: str
    content_hash: str
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        modified_at = self.modified_at

        content_hash = self.content_hash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "modifiedAt": modified_at,
                "contentHash": content_hash,
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
                modified_at: str = src_dict["modifiedAt"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "modifiedAt") from None
            if not (modified_at.__class__ is str or isinstance(modified_at, str)):
                raise ParseError.wrong_type("string", modified_at, src_dict, "modifiedAt")

            try:
                content_hash: str = src_dict["contentHash"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "contentHash") from None
            if not (content_hash.__class__ is str or isinstance(content_hash, str)):
                raise ParseError.wrong_type("string", content_hash, src_dict, "contentHash")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            imported_project = _new_object(cls)
            imported_project.id = id
            imported_project.modified_at = modified_at
            imported_project.content_hash = content_hash
            imported_project._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _ImportedProject_FIELDS, "ImportedProject")
            )
            parsed.append(imported_project)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("modified_at", self.modified_at),
            ("content_hash", self.content_hash),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ImportedProject({shown})"

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
