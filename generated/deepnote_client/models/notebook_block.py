from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset

_new_object = object.__new__  # a module global: one lookup per object, not two
_NotebookBlock_FIELDS = frozenset(
    {
        "id",
        "type",
        "content",
    }
)


@_attrs_define
class NotebookBlock:
    """A block as returned inside a notebook: its id, type and content, and nothing more (Deepnote's client code); block
    metadata needs the Blocks API.

    """

    id: str
    """ Block identifier. """
    type_: str
    """ Block type, for example `code`, `sql`, `markdown` or an `input-*` type. """
    content: None | str | Unset = UNSET
    """ Block source; may be null. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        # isinstance against the Mapping ABC costs 0.3 us; decoded JSON objects are dicts.
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise ParseError.wrong_type("object", src_dict, src_dict)
        # Fields are read with get() and counted; the other keys are collected only if there are any.
        _found = 2
        _get = src_dict.get
        id: str = _get("id", UNSET)
        if not isinstance(id, str):
            raise ParseError.wrong_type("string", id, src_dict, "id")
        type_: str = _get("type", UNSET)
        if not isinstance(type_, str):
            raise ParseError.wrong_type("string", type_, src_dict, "type")
        content: None | str | Unset = _get("content", UNSET)
        if content is not UNSET:
            _found += 1
            if not (isinstance(content, str) or content is None):
                raise ParseError.wrong_type("string or null", content, src_dict, "content")
        d = (
            {}
            if len(src_dict) == _found
            else {key: value for key, value in src_dict.items() if key not in _NotebookBlock_FIELDS}
        )

        # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
        notebook_block = _new_object(cls)
        notebook_block.id = id
        notebook_block.type_ = type_
        notebook_block.content = content

        notebook_block.additional_properties = d
        return notebook_block

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("type_", self.type_),
            ("content", self.content),
            ("additional_properties", self.additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"NotebookBlock({shown})"

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
