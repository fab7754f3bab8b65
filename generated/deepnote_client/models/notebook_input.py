from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notebook_input_type import NotebookInputType
from ..types import UNSET, Unset

T = TypeVar("T", bound="NotebookInput")


@_attrs_define
class NotebookInput:
    """An input block of a notebook. `options`, `min`, `max` and `step` appear where the input type has them."""

    name: str
    """ Variable name; the key to use in a run's `inputs`. """
    block_id: str | Unset = UNSET
    """ Id of the input block (from Deepnote's client code). """
    type_: NotebookInputType | Unset = UNSET
    """ Type of an input block (full list from Deepnote's toolkit code). """
    value: bool | list[str] | None | str | Unset = UNSET
    """ Current saved default value; null when unset. """
    label: str | Unset = UNSET
    """ Label shown in the notebook (from Deepnote's client code). """
    options: list[str] | Unset = UNSET
    """ Choices of a select input. """
    multiple: bool | Unset = UNSET
    """ Whether a select input takes several values (from Deepnote's client code). """
    min_: float | Unset = UNSET
    """ Slider minimum. """
    max_: float | Unset = UNSET
    """ Slider maximum. """
    step: float | Unset = UNSET
    """ Slider step. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        block_id = self.block_id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        value: bool | list[str] | None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        elif isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        label = self.label

        options: list[str] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options

        multiple = self.multiple

        min_ = self.min_

        max_ = self.max_

        step = self.step

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if block_id is not UNSET:
            field_dict["blockId"] = block_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if value is not UNSET:
            field_dict["value"] = value
        if label is not UNSET:
            field_dict["label"] = label
        if options is not UNSET:
            field_dict["options"] = options
        if multiple is not UNSET:
            field_dict["multiple"] = multiple
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_
        if step is not UNSET:
            field_dict["step"] = step

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        block_id = d.pop("blockId", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: NotebookInputType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = NotebookInputType(_type_)

        def _parse_value(data: object) -> bool | list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_notebook_input_value_type_2 = cast(list[str], data)

                return componentsschemas_notebook_input_value_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | list[str] | None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        label = d.pop("label", UNSET)

        options = cast(list[str], d.pop("options", UNSET))

        multiple = d.pop("multiple", UNSET)

        min_ = d.pop("min", UNSET)

        max_ = d.pop("max", UNSET)

        step = d.pop("step", UNSET)

        notebook_input = cls(
            name=name,
            block_id=block_id,
            type_=type_,
            value=value,
            label=label,
            options=options,
            multiple=multiple,
            min_=min_,
            max_=max_,
            step=step,
        )

        notebook_input.additional_properties = d
        return notebook_input

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
