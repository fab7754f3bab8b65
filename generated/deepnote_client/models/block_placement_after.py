from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, extras_eq_key, unknown_fields

_new_object = object.__new__  # a module global: one lookup per object, not two
_BlockPlacementAfter_FIELDS = frozenset(
    {
        "type",
        "blockId",
    }
)


@_attrs_define
class BlockPlacementAfter:
    """Move the blocks right after an anchor block, which must be an active block of the same notebook and not one of the
    moved blocks.

    """

    type_: Literal["after"]
    block_id: str
    """ The anchor block. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        block_id = self.block_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "blockId": block_id,
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
            _found = 2

            try:
                _value = src_dict["type"]
            except KeyError:
                raise ParseError.wrong_type("const", UNSET, src_dict, "type") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            type_: Literal["after"]
            if _value != "after":
                raise ParseError("expected 'after'", src_dict, "type")
            type_ = _value

            try:
                block_id: str = src_dict["blockId"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "blockId") from None
            if not (block_id.__class__ is str or isinstance(block_id, str)):
                raise ParseError.wrong_type("string", block_id, src_dict, "blockId")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            block_placement_after = _new_object(cls)
            block_placement_after.type_ = type_
            block_placement_after.block_id = block_id
            block_placement_after._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _BlockPlacementAfter_FIELDS, "BlockPlacementAfter")
            )
            parsed.append(block_placement_after)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("type_", self.type_),
            ("block_id", self.block_id),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"BlockPlacementAfter({shown})"

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
