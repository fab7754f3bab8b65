from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.block import Block


_new_object = object.__new__  # a module global: one lookup per object, not two
_CreateBlockResponse_FIELDS = frozenset(
    {
        "block",
        "notebookBlockIds",
    }
)


@_attrs_define
class CreateBlockResponse:
    block: Block
    """ A block with its metadata (fields from Deepnote's client code; the docs do not show this schema).
    `integrationId` is the SQL integration of a `sql` block. """
    notebook_block_ids: list[str] | Unset = UNSET
    """ Every block id of the notebook, in order; only when includeNotebookBlockIds is true. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        block = self.block.to_dict()

        notebook_block_ids: list[str] | Unset = UNSET
        if not isinstance(self.notebook_block_ids, Unset):
            notebook_block_ids = self.notebook_block_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "block": block,
            }
        )
        if notebook_block_ids is not UNSET:
            field_dict["notebookBlockIds"] = notebook_block_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.block import Block

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 1

            try:
                _value = src_dict["block"]
            except KeyError:
                raise ParseError.wrong_type("object", UNSET, src_dict, "block") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            block: Block
            try:
                block = Block.from_dict(_value)
            except ParseError as _error:
                raise _error.within(src_dict, "block")

            _value = src_dict.get("notebookBlockIds", UNSET)
            notebook_block_ids: list[str] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not (_value.__class__ is list or isinstance(_value, list)):
                    raise ParseError.wrong_type("array", _value, src_dict, "notebookBlockIds")
                for _index_0, _item_0 in enumerate(_value):
                    if not (_item_0.__class__ is str or isinstance(_item_0, str)):
                        raise ParseError.wrong_type(
                            "string", _item_0, src_dict, "notebookBlockIds", _index_0
                        )
                notebook_block_ids = list(_value)

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            create_block_response = _new_object(cls)
            create_block_response.block = block
            create_block_response.notebook_block_ids = notebook_block_ids
            create_block_response._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _CreateBlockResponse_FIELDS, "CreateBlockResponse")
            )
            parsed.append(create_block_response)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("block", self.block),
            ("notebook_block_ids", self.notebook_block_ids),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"CreateBlockResponse({shown})"

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
