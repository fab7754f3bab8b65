from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET

if TYPE_CHECKING:
    from ..models.project import Project


_new_object = object.__new__  # a module global: one lookup per object, not two
_UpdateProjectResponse_FIELDS = frozenset(
    {
        "project",
    }
)


@_attrs_define
class UpdateProjectResponse:
    project: Project
    """ A project in detail: the list-row fields plus its files and static-site settings (from Deepnote's client
    code). Attached integrations and the environment are reported too, under field names not yet known; they land in
    the model's additional properties. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project = self.project.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project": project,
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
        from ..models.project import Project

        parsed: list[Self] = []
        _append = parsed.append
        for src_dict in src_dicts:
            # isinstance against the Mapping ABC costs 0.3 us; decoded JSON objects are dicts.
            if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
                raise ParseError.wrong_type("object", src_dict, src_dict)
            # Fields are read and counted; the other keys are collected only if there are any.
            _found = 1
            try:
                _value = src_dict["project"]
            except KeyError:
                raise ParseError.wrong_type("object", UNSET, src_dict, "project") from None
            project: Project
            try:
                project = Project.from_dict(_value)
            except ParseError as _error:
                raise _error.within(src_dict, "project")

            d = (
                {}
                if len(src_dict) == _found
                else {
                    key: value
                    for key, value in src_dict.items()
                    if key not in _UpdateProjectResponse_FIELDS
                }
            )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            update_project_response = _new_object(cls)
            update_project_response.project = project

            update_project_response.additional_properties = d
            _append(update_project_response)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("project", self.project),
            ("additional_properties", self.additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"UpdateProjectResponse({shown})"

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
