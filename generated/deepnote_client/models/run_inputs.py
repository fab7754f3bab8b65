from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RunInputs")


@_attrs_define
class RunInputs:
    """Input values to use for this run, keyed by the input `name` returned from `GET /notebooks/{notebookId}`. Values must
    match the referenced input block type. Values apply to this run only, never to the notebook's saved defaults.

    """

    additional_properties: dict[str, bool | list[str] | str] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, list):
                field_dict[prop_name] = prop

            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        run_inputs = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> bool | list[str] | str:
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    componentsschemas_notebook_input_value_type_2 = cast(list[str], data)

                    return componentsschemas_notebook_input_value_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(bool | list[str] | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        run_inputs.additional_properties = additional_properties
        return run_inputs

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> bool | list[str] | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: bool | list[str] | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
