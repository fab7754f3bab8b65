from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notebook_block import NotebookBlock
    from ..models.notebook_input import NotebookInput


T = TypeVar("T", bound="Notebook")


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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        from ..models.notebook_block import NotebookBlock
        from ..models.notebook_input import NotebookInput

        d = dict(src_dict)
        id = d.pop("id")

        project_id = d.pop("projectId", UNSET)

        name = d.pop("name", UNSET)

        _blocks = d.pop("blocks", UNSET)
        blocks: list[NotebookBlock] | Unset = UNSET
        if _blocks is not UNSET:
            blocks = []
            for blocks_item_data in _blocks:
                blocks_item = NotebookBlock.from_dict(blocks_item_data)

                blocks.append(blocks_item)

        _inputs = d.pop("inputs", UNSET)
        inputs: list[NotebookInput] | Unset = UNSET
        if _inputs is not UNSET:
            inputs = []
            for inputs_item_data in _inputs:
                inputs_item = NotebookInput.from_dict(inputs_item_data)

                inputs.append(inputs_item)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        notebook = cls(
            id=id,
            project_id=project_id,
            name=name,
            blocks=blocks,
            inputs=inputs,
            created_at=created_at,
            updated_at=updated_at,
        )

        notebook.additional_properties = d
        return notebook

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
