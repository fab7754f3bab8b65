from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        _append = parsed.append
        for src_dict in src_dicts:
            # isinstance against the Mapping ABC costs 0.3 us; decoded JSON objects are dicts.
            if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
                raise ParseError.wrong_type("object", src_dict, src_dict)
            # Fields are read and counted; the other keys are collected only if there are any.
            _found = 1
            _get = src_dict.get
            try:
                id: str = src_dict["id"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "id") from None
            if not isinstance(id, str):
                raise ParseError.wrong_type("string", id, src_dict, "id")
            version: float | Unset = _get("version", UNSET)
            if version is not UNSET:
                _found += 1
                if not (isinstance(version, (int, float)) and not isinstance(version, bool)):
                    raise ParseError.wrong_type("number", version, src_dict, "version")
            d = (
                {}
                if len(src_dict) == _found
                else {
                    key: value for key, value in src_dict.items() if key not in _UpdatedBlock_FIELDS
                }
            )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            updated_block = _new_object(cls)
            updated_block.id = id
            updated_block.version = version

            updated_block.additional_properties = d
            _append(updated_block)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("version", self.version),
            ("additional_properties", self.additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"UpdatedBlock({shown})"

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
