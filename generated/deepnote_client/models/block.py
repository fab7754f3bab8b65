from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.block_type import BlockType
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.block_metadata import BlockMetadata


_BlockType_BY_VALUE = cast("dict[str, BlockType]", BlockType._value2member_map_)
_new_object = object.__new__  # a module global: one lookup per object, not two
_Block_FIELDS = frozenset(
    {
        "id",
        "type",
        "notebookId",
        "content",
        "metadata",
        "integrationId",
        "version",
    }
)


@_attrs_define
class Block:
    """A block with its metadata (fields from Deepnote's client code; the docs do not show this schema). `integrationId` is
    the SQL integration of a `sql` block.

    """

    id: str
    """ Block identifier. """
    type_: BlockType
    """ The 26 block types the docs list for `POST /blocks`. """
    notebook_id: str | Unset = UNSET
    """ The notebook the block belongs to. """
    content: None | str | Unset = UNSET
    """ Block source; may be null. """
    metadata: BlockMetadata | None | Unset = UNSET
    """ Block-type-specific metadata; may be null. """
    integration_id: None | str | Unset = UNSET
    """ The SQL integration of a `sql` block; null otherwise. """
    version: float | Unset = UNSET
    """ Version of the block, raised by every change. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.block_metadata import BlockMetadata

        id = self.id

        type_ = self.type_.value

        notebook_id = self.notebook_id

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, BlockMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        integration_id: None | str | Unset
        if isinstance(self.integration_id, Unset):
            integration_id = UNSET
        else:
            integration_id = self.integration_id

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
            }
        )
        if notebook_id is not UNSET:
            field_dict["notebookId"] = notebook_id
        if content is not UNSET:
            field_dict["content"] = content
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if integration_id is not UNSET:
            field_dict["integrationId"] = integration_id
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
        from ..models.block_metadata import BlockMetadata

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
                _value = src_dict["type"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "type") from None
            type_: BlockType
            try:
                type_ = _BlockType_BY_VALUE[_value]
            except (KeyError, TypeError):
                if not (_value.__class__ is str or isinstance(_value, str)):
                    raise ParseError.wrong_type("string", _value, src_dict, "type") from None
                type_ = BlockType(_value)

            notebook_id: str | Unset = src_dict.get("notebookId", UNSET)
            if notebook_id is not UNSET:
                _found += 1
                if not (notebook_id.__class__ is str or isinstance(notebook_id, str)):
                    raise ParseError.wrong_type("string", notebook_id, src_dict, "notebookId")

            content: None | str | Unset = src_dict.get("content", UNSET)
            if content is not UNSET:
                _found += 1
                if not ((content.__class__ is str or isinstance(content, str)) or content is None):
                    raise ParseError.wrong_type("string or null", content, src_dict, "content")

            _value = src_dict.get("metadata", UNSET)
            metadata: BlockMetadata | None | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if _value.__class__ is dict or isinstance(_value, dict):
                    try:
                        metadata = BlockMetadata.from_dict(_value)
                    except ParseError as _error:
                        raise _error.within(src_dict, "metadata")

                elif _value is None:
                    metadata = None

                else:
                    raise ParseError.wrong_type("object or null", _value, src_dict, "metadata")

            integration_id: None | str | Unset = src_dict.get("integrationId", UNSET)
            if integration_id is not UNSET:
                _found += 1
                if not (
                    (integration_id.__class__ is str or isinstance(integration_id, str))
                    or integration_id is None
                ):
                    raise ParseError.wrong_type(
                        "string or null", integration_id, src_dict, "integrationId"
                    )

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
            block = _new_object(cls)
            block.id = id
            block.type_ = type_
            block.notebook_id = notebook_id
            block.content = content
            block.metadata = metadata
            block.integration_id = integration_id
            block.version = version
            block._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _Block_FIELDS, "Block")
            )
            parsed.append(block)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("type_", self.type_),
            ("notebook_id", self.notebook_id),
            ("content", self.content),
            ("metadata", self.metadata),
            ("integration_id", self.integration_id),
            ("version", self.version),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"Block({shown})"

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
