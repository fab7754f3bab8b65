from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define

from ..errors import ParseError
from ..types import UNSET, Unset

_new_object = object.__new__  # a module global: one lookup per object, not two


@_attrs_define
class UpdateBlockBody:
    """Carries `content` and `integrationId` only, at least one of them; never `metadata` or `type` (from Deepnote's client
    code).

    """

    content: str | Unset = UNSET
    """ The block's new content, a full replacement; an empty string is a real change. """
    integration_id: str | Unset = UNSET
    """ The SQL integration of a `sql` block. """

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        integration_id: str | Unset = UNSET
        if not isinstance(self.integration_id, Unset):
            integration_id = str(self.integration_id)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if content is not UNSET:
            field_dict["content"] = content
        if integration_id is not UNSET:
            field_dict["integrationId"] = integration_id

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
            # Decoded JSON objects are dicts: the class test is cheaper than isinstance against dict,
            # and far cheaper than against the Mapping ABC.
            if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
                raise ParseError.wrong_type("object", src_dict, src_dict)

            content: str | Unset = src_dict.get("content", UNSET)
            if content is not UNSET and not (content.__class__ is str or isinstance(content, str)):
                raise ParseError.wrong_type("string", content, src_dict, "content")

            integration_id: str | Unset = src_dict.get("integrationId", UNSET)
            if integration_id is not UNSET and not (
                integration_id.__class__ is str or isinstance(integration_id, str)
            ):
                raise ParseError.wrong_type("string", integration_id, src_dict, "integrationId")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            update_block_body = _new_object(cls)
            update_block_body.content = content
            update_block_body.integration_id = integration_id
            parsed.append(update_block_body)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("content", self.content),
            ("integration_id", self.integration_id),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"UpdateBlockBody({shown})"
