from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

_new_object = object.__new__  # a module global: one lookup per object, not two
_UpdatedBlock_FIELDS = frozenset(
    {
        "id",
        "version",
    }
)


@_attrs_define
class UpdatedBlock:
    """The updated block's id and new version (from Deepnote's client code)."""

    id: str
    version: float | Unset = UNSET
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version

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
            _found = 1

            try:
                id: str = src_dict["id"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "id") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (id.__class__ is str or isinstance(id, str)):
                raise ParseError.wrong_type("string", id, src_dict, "id")

            version: float | Unset = src_dict.get("version", UNSET)
            if version is not UNSET:
                _found += 1
                if not (
                    version.__class__ is float
                    or version.__class__ is int
                    or (isinstance(version, (int, float)) and not isinstance(version, bool))
                ):
                    raise ParseError.wrong_type("number", version, src_dict, "version")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            updated_block = _new_object(cls)
            updated_block.id = id
            updated_block.version = version
            updated_block._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _UpdatedBlock_FIELDS, "UpdatedBlock")
            )
            parsed.append(updated_block)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("version", self.version),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"UpdatedBlock({shown})"

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
