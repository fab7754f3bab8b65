from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.snapshot_block_metadata import SnapshotBlockMetadata
    from ..models.snapshot_block_output import SnapshotBlockOutput


_new_object = object.__new__  # a module global: one lookup per object, not two
_SnapshotBlock_FIELDS = frozenset(
    {
        "id",
        "type",
        "outputs",
        "metadata",
    }
)


@_attrs_define
class SnapshotBlock:
    """An executed block of a run snapshot (from Deepnote's client code)."""

    id: str
    type_: str | Unset = UNSET
    outputs: list[SnapshotBlockOutput] | Unset = UNSET
    """ Jupyter-style outputs; data is under `outputs[i].data[mimeType]`. """
    metadata: SnapshotBlockMetadata | Unset = UNSET
    """ Metadata of an executed block; its shape is not documented and left open. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        outputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.outputs, Unset):
            outputs = []
            for outputs_item_data in self.outputs:
                outputs_item = outputs_item_data.to_dict()
                outputs.append(outputs_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if outputs is not UNSET:
            field_dict["outputs"] = outputs
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.snapshot_block_metadata import SnapshotBlockMetadata
        from ..models.snapshot_block_output import SnapshotBlockOutput

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

            type_: str | Unset = src_dict.get("type", UNSET)
            if type_ is not UNSET:
                _found += 1
                if not (type_.__class__ is str or isinstance(type_, str)):
                    raise ParseError.wrong_type("string", type_, src_dict, "type")

            _value = src_dict.get("outputs", UNSET)
            outputs: list[SnapshotBlockOutput] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not (_value.__class__ is list or isinstance(_value, list)):
                    raise ParseError.wrong_type("array", _value, src_dict, "outputs")
                try:
                    outputs = SnapshotBlockOutput._from_dicts(_value)
                except ParseError as _error:
                    raise _error.item_of(_value).within(src_dict, "outputs")

            _value = src_dict.get("metadata", UNSET)
            metadata: SnapshotBlockMetadata | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    metadata = SnapshotBlockMetadata.from_dict(_value)
                except ParseError as _error:
                    raise _error.within(src_dict, "metadata")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            snapshot_block = _new_object(cls)
            snapshot_block.id = id
            snapshot_block.type_ = type_
            snapshot_block.outputs = outputs
            snapshot_block.metadata = metadata
            snapshot_block._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _SnapshotBlock_FIELDS, "SnapshotBlock")
            )
            parsed.append(snapshot_block)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("type_", self.type_),
            ("outputs", self.outputs),
            ("metadata", self.metadata),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"SnapshotBlock({shown})"

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
