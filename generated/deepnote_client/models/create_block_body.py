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
_CreateBlockBody_FIELDS = frozenset(
    {
        "notebookId",
        "type",
        "content",
        "metadata",
        "integrationId",
        "position",
        "includeNotebookBlockIds",
    }
)


@_attrs_define
class CreateBlockBody:
    notebook_id: str
    """ Notebook to create the block in. """
    type_: BlockType
    """ The 26 block types the docs list for `POST /blocks`. """
    content: str | Unset = UNSET
    """ Initial block content. Defaults to an empty string. """
    metadata: BlockMetadata | Unset = UNSET
    """ Block-type-specific metadata; its keys are not documented and the object is left open (for example
    `deepnote_slider_min_value` on a slider input, `color` on a callout, `checked` on a to-do, from Deepnote's
    client code and agent skills). """
    integration_id: str | Unset = UNSET
    """ Integration ID to store in SQL block metadata as sql_integration_id. Only for `sql` blocks; a workspace SQL
    integration (never inside `metadata`). """
    position: int | Unset = UNSET
    """ Zero-based insertion index. Omit to append at the end. """
    include_notebook_block_ids: bool | Unset = UNSET
    """ When true, response includes all block IDs in the notebook. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        notebook_id = self.notebook_id

        type_ = self.type_.value

        content = self.content

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        integration_id: str | Unset = UNSET
        if not isinstance(self.integration_id, Unset):
            integration_id = str(self.integration_id)

        position = self.position

        include_notebook_block_ids = self.include_notebook_block_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "notebookId": notebook_id,
                "type": type_,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if integration_id is not UNSET:
            field_dict["integrationId"] = integration_id
        if position is not UNSET:
            field_dict["position"] = position
        if include_notebook_block_ids is not UNSET:
            field_dict["includeNotebookBlockIds"] = include_notebook_block_ids

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
                notebook_id: str = src_dict["notebookId"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "notebookId") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (notebook_id.__class__ is str or isinstance(notebook_id, str)):
                raise ParseError.wrong_type("string", notebook_id, src_dict, "notebookId")

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

            content: str | Unset = src_dict.get("content", UNSET)
            if content is not UNSET:
                _found += 1
                if not (content.__class__ is str or isinstance(content, str)):
                    raise ParseError.wrong_type("string", content, src_dict, "content")

            _value = src_dict.get("metadata", UNSET)
            metadata: BlockMetadata | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    metadata = BlockMetadata.from_dict(_value)
                except ParseError as _error:
                    raise _error.within(src_dict, "metadata")

            integration_id: str | Unset = src_dict.get("integrationId", UNSET)
            if integration_id is not UNSET:
                _found += 1
                if not (integration_id.__class__ is str or isinstance(integration_id, str)):
                    raise ParseError.wrong_type("string", integration_id, src_dict, "integrationId")

            position: int | Unset = src_dict.get("position", UNSET)
            if position is not UNSET:
                _found += 1
                if not (
                    position.__class__ is int
                    or (isinstance(position, int) and not isinstance(position, bool))
                ):
                    raise ParseError.wrong_type("integer", position, src_dict, "position")

            include_notebook_block_ids: bool | Unset = src_dict.get(
                "includeNotebookBlockIds", UNSET
            )
            if include_notebook_block_ids is not UNSET:
                _found += 1
                if not (include_notebook_block_ids is True or include_notebook_block_ids is False):
                    raise ParseError.wrong_type(
                        "boolean", include_notebook_block_ids, src_dict, "includeNotebookBlockIds"
                    )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            create_block_body = _new_object(cls)
            create_block_body.notebook_id = notebook_id
            create_block_body.type_ = type_
            create_block_body.content = content
            create_block_body.metadata = metadata
            create_block_body.integration_id = integration_id
            create_block_body.position = position
            create_block_body.include_notebook_block_ids = include_notebook_block_ids
            create_block_body._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _CreateBlockBody_FIELDS, "CreateBlockBody")
            )
            parsed.append(create_block_body)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("notebook_id", self.notebook_id),
            ("type_", self.type_),
            ("content", self.content),
            ("metadata", self.metadata),
            ("integration_id", self.integration_id),
            ("position", self.position),
            ("include_notebook_block_ids", self.include_notebook_block_ids),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"CreateBlockBody({shown})"

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
