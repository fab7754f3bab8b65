from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.notebook_block import NotebookBlock
    from ..models.notebook_input import NotebookInput


_new_object = object.__new__  # a module global: one lookup per object, not two
_datetime_from_iso = datetime.datetime.fromisoformat
_date_from_iso = datetime.date.fromisoformat
_Notebook_FIELDS = frozenset(
    {
        "id",
        "projectId",
        "name",
        "blocks",
        "inputs",
        "createdAt",
        "updatedAt",
    }
)


@_attrs_define
class Notebook:
    """A notebook. The docs do not show this schema; its fields come from Deepnote's client code and the runs guide, and
    only `id` is required here. `inputs` is present when the notebook has input blocks. The docs also mention last-run
    metadata whose field names are unknown; such fields land in the model's additional properties.

    """

    id: str
    """ Opaque notebook identifier. """
    project_id: str | Unset = UNSET
    """ Project the notebook belongs to. """
    name: str | Unset = UNSET
    """ Notebook name, unique within its project (case-sensitive). """
    blocks: list[NotebookBlock] | Unset = UNSET
    """ The notebook's blocks, in order. """
    inputs: list[NotebookInput] | Unset = UNSET
    """ The notebook's input blocks; their `name` keys the `inputs` of a run. """
    created_at: datetime.datetime | Unset = UNSET
    """ Creation time (seen in the rename response of Deepnote's client code). """
    updated_at: datetime.datetime | Unset = UNSET
    """ Last update time (seen in the rename response of Deepnote's client code). """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        project_id = self.project_id

        name = self.name

        blocks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.blocks, Unset):
            blocks = []
            for blocks_item_data in self.blocks:
                blocks_item = blocks_item_data.to_dict()
                blocks.append(blocks_item)

        inputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = []
            for inputs_item_data in self.inputs:
                inputs_item = inputs_item_data.to_dict()
                inputs.append(inputs_item)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if name is not UNSET:
            field_dict["name"] = name
        if blocks is not UNSET:
            field_dict["blocks"] = blocks
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.notebook_block import NotebookBlock
        from ..models.notebook_input import NotebookInput

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

            project_id: str | Unset = src_dict.get("projectId", UNSET)
            if project_id is not UNSET:
                _found += 1
                if not (project_id.__class__ is str or isinstance(project_id, str)):
                    raise ParseError.wrong_type("string", project_id, src_dict, "projectId")

            name: str | Unset = src_dict.get("name", UNSET)
            if name is not UNSET:
                _found += 1
                if not (name.__class__ is str or isinstance(name, str)):
                    raise ParseError.wrong_type("string", name, src_dict, "name")

            _value = src_dict.get("blocks", UNSET)
            blocks: list[NotebookBlock] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not (_value.__class__ is list or isinstance(_value, list)):
                    raise ParseError.wrong_type("array", _value, src_dict, "blocks")
                try:
                    blocks = NotebookBlock._from_dicts(_value)
                except ParseError as _error:
                    raise _error.item_of(_value).within(src_dict, "blocks")

            _value = src_dict.get("inputs", UNSET)
            inputs: list[NotebookInput] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not (_value.__class__ is list or isinstance(_value, list)):
                    raise ParseError.wrong_type("array", _value, src_dict, "inputs")
                try:
                    inputs = NotebookInput._from_dicts(_value)
                except ParseError as _error:
                    raise _error.item_of(_value).within(src_dict, "inputs")

            _value = src_dict.get("createdAt", UNSET)
            created_at: datetime.datetime | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    created_at = _datetime_from_iso(_value)
                except (TypeError, ValueError):
                    if not (_value.__class__ is str or isinstance(_value, str)):
                        raise ParseError.wrong_type(
                            "string", _value, src_dict, "createdAt"
                        ) from None
                    raise ParseError(
                        "expected an ISO 8601 date-time", src_dict, "createdAt"
                    ) from None

            _value = src_dict.get("updatedAt", UNSET)
            updated_at: datetime.datetime | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    updated_at = _datetime_from_iso(_value)
                except (TypeError, ValueError):
                    if not (_value.__class__ is str or isinstance(_value, str)):
                        raise ParseError.wrong_type(
                            "string", _value, src_dict, "updatedAt"
                        ) from None
                    raise ParseError(
                        "expected an ISO 8601 date-time", src_dict, "updatedAt"
                    ) from None

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            notebook = _new_object(cls)
            notebook.id = id
            notebook.project_id = project_id
            notebook.name = name
            notebook.blocks = blocks
            notebook.inputs = inputs
            notebook.created_at = created_at
            notebook.updated_at = updated_at
            notebook._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _Notebook_FIELDS, "Notebook")
            )
            parsed.append(notebook)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("project_id", self.project_id),
            ("name", self.name),
            ("blocks", self.blocks),
            ("inputs", self.inputs),
            ("created_at", self.created_at),
            ("updated_at", self.updated_at),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"Notebook({shown})"

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
