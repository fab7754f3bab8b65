from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

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
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

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
            _found = 2

            try:
                id: str = src_dict["id"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "id") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (id.__class__ is str or isinstance(id, str)):
                raise ParseError.wrong_type("string", id, src_dict, "id")

            try:
                type_: str = src_dict["type"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "type") from None
            if not (type_.__class__ is str or isinstance(type_, str)):
                raise ParseError.wrong_type("string", type_, src_dict, "type")

            content: None | str | Unset = src_dict.get("content", UNSET)
            if content is not UNSET:
                _found += 1
                if not ((content.__class__ is str or isinstance(content, str)) or content is None):
                    raise ParseError.wrong_type("string or null", content, src_dict, "content")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            notebook_block = _new_object(cls)
            notebook_block.id = id
            notebook_block.type_ = type_
            notebook_block.content = content
            notebook_block._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _NotebookBlock_FIELDS, "NotebookBlock")
            )
            parsed.append(notebook_block)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("type_", self.type_),
            ("content", self.content),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"NotebookBlock({shown})"

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
