from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.block_placement_after import BlockPlacementAfter
    from ..models.block_placement_end import BlockPlacementEnd
    from ..models.block_placement_start import BlockPlacementStart


_new_object = object.__new__  # a module global: one lookup per object, not two
_ReorderBlocksBody_FIELDS = frozenset(
    {
        "blockIds",
        "placement",
    }
)


@_attrs_define
class ReorderBlocksBody:
    """Blocks to move as a group, and where to put them (from Deepnote's client code)."""

    block_ids: list[str]
    """ Block ids ordered exactly as they should appear as the moved group. """
    placement: BlockPlacementAfter | BlockPlacementEnd | BlockPlacementStart
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.block_placement_end import BlockPlacementEnd
        from ..models.block_placement_start import BlockPlacementStart

        block_ids = self.block_ids

        placement: dict[str, Any]
        if isinstance(self.placement, BlockPlacementStart) or isinstance(
            self.placement, BlockPlacementEnd
        ):
            placement = self.placement.to_dict()
        else:
            placement = self.placement.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blockIds": block_ids,
                "placement": placement,
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
        from ..models.block_placement_after import BlockPlacementAfter
        from ..models.block_placement_end import BlockPlacementEnd
        from ..models.block_placement_start import BlockPlacementStart

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 2

            try:
                _value = src_dict["blockIds"]
            except KeyError:
                raise ParseError.wrong_type("array", UNSET, src_dict, "blockIds") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            block_ids: list[str]
            if not (_value.__class__ is list or isinstance(_value, list)):
                raise ParseError.wrong_type("array", _value, src_dict, "blockIds")
            for _index_0, _item_0 in enumerate(_value):
                if not (_item_0.__class__ is str or isinstance(_item_0, str)):
                    raise ParseError.wrong_type("string", _item_0, src_dict, "blockIds", _index_0)
            block_ids = list(_value)

            try:
                _value = src_dict["placement"]
            except KeyError:
                raise ParseError.wrong_type("object", UNSET, src_dict, "placement") from None
            placement: BlockPlacementAfter | BlockPlacementEnd | BlockPlacementStart
            if isinstance(_value, dict):
                _tag_0 = _value.get("type")
                if _tag_0 == "start":
                    try:
                        placement = BlockPlacementStart.from_dict(_value)
                    except ParseError as _error:
                        raise _error.within(src_dict, "placement")

                elif _tag_0 == "end":
                    try:
                        placement = BlockPlacementEnd.from_dict(_value)
                    except ParseError as _error:
                        raise _error.within(src_dict, "placement")

                elif _tag_0 == "after":
                    try:
                        placement = BlockPlacementAfter.from_dict(_value)
                    except ParseError as _error:
                        raise _error.within(src_dict, "placement")

                else:
                    raise ParseError("type is none of the known variants", _value).within(
                        src_dict, "placement"
                    )
            else:
                raise ParseError.wrong_type("object", _value, src_dict, "placement")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            reorder_blocks_body = _new_object(cls)
            reorder_blocks_body.block_ids = block_ids
            reorder_blocks_body.placement = placement
            reorder_blocks_body._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _ReorderBlocksBody_FIELDS, "ReorderBlocksBody")
            )
            parsed.append(reorder_blocks_body)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("block_ids", self.block_ids),
            ("placement", self.placement),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ReorderBlocksBody({shown})"

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
