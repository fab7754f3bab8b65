from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.imported_notebook import ImportedNotebook
    from ..models.imported_project import ImportedProject


_new_object = object.__new__  # a module global: one lookup per object, not two
_ImportProjectResponse_FIELDS = frozenset(
    {
        "project",
        "notebooks",
    }
)


@_attrs_define
class ImportProjectResponse:
    project: ImportedProject
    """ The project after the import; `modifiedAt` and `contentHash` are the new base for the next import. """
    notebooks: list[ImportedNotebook]
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        project = self.project.to_dict()

        notebooks = []
        for notebooks_item_data in self.notebooks:
            notebooks_item = notebooks_item_data.to_dict()
            notebooks.append(notebooks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project": project,
                "notebooks": notebooks,
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
        from ..models.imported_notebook import ImportedNotebook
        from ..models.imported_project import ImportedProject

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 2

            try:
                _value = src_dict["project"]
            except KeyError:
                raise ParseError.wrong_type("object", UNSET, src_dict, "project") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            project: ImportedProject
            try:
                project = ImportedProject.from_dict(_value)
            except ParseError as _error:
                raise _error.within(src_dict, "project")

            try:
                _value = src_dict["notebooks"]
            except KeyError:
                raise ParseError.wrong_type("array", UNSET, src_dict, "notebooks") from None
            notebooks: list[ImportedNotebook]
            if not (_value.__class__ is list or isinstance(_value, list)):
                raise ParseError.wrong_type("array", _value, src_dict, "notebooks")
            try:
                notebooks = ImportedNotebook._from_dicts(_value)
            except ParseError as _error:
                raise _error.item_of(_value).within(src_dict, "notebooks")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            import_project_response = _new_object(cls)
            import_project_response.project = project
            import_project_response.notebooks = notebooks
            import_project_response._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(
                    src_dict, _ImportProjectResponse_FIELDS, "ImportProjectResponse"
                )
            )
            parsed.append(import_project_response)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("project", self.project),
            ("notebooks", self.notebooks),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ImportProjectResponse({shown})"

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
