from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.project_type import ProjectType
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

_ProjectType_BY_VALUE = cast("dict[str, ProjectType]", ProjectType._value2member_map_)
_new_object = object.__new__  # a module global: one lookup per object, not two
_CreateProjectBody_FIELDS = frozenset(
    {
        "name",
        "folderId",
        "projectType",
        "environmentId",
    }
)


@_attrs_define
class CreateProjectBody:
    name: str
    """ Project name. """
    folder_id: str | Unset = UNSET
    """ Folder to create the project in. Omit to create at the workspace root. """
    project_type: ProjectType | Unset = UNSET
    """ `notebook` (single-notebook) and `agent` projects accept no new notebooks. """
    environment_id: str | Unset = UNSET
    """ Environment to use; defaults to the workspace's default environment (from Deepnote's client code). """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        folder_id: str | Unset = UNSET
        if not isinstance(self.folder_id, Unset):
            folder_id = str(self.folder_id)

        project_type: str | Unset = UNSET
        if not isinstance(self.project_type, Unset):
            project_type = self.project_type.value

        environment_id = self.environment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if folder_id is not UNSET:
            field_dict["folderId"] = folder_id
        if project_type is not UNSET:
            field_dict["projectType"] = project_type
        if environment_id is not UNSET:
            field_dict["environmentId"] = environment_id

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
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 1

            try:
                name: str = src_dict["name"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "name") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (name.__class__ is str or isinstance(name, str)):
                raise ParseError.wrong_type("string", name, src_dict, "name")

            folder_id: str | Unset = src_dict.get("folderId", UNSET)
            if folder_id is not UNSET:
                _found += 1
                if not (folder_id.__class__ is str or isinstance(folder_id, str)):
                    raise ParseError.wrong_type("string", folder_id, src_dict, "folderId")

            _value = src_dict.get("projectType", UNSET)
            project_type: ProjectType | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if _value is not None:
                    try:
                        project_type = _ProjectType_BY_VALUE[_value]
                    except (KeyError, TypeError):
                        if not (_value.__class__ is str or isinstance(_value, str)):
                            raise ParseError.wrong_type(
                                "string", _value, src_dict, "projectType"
                            ) from None
                        project_type = ProjectType(_value)

            environment_id: str | Unset = src_dict.get("environmentId", UNSET)
            if environment_id is not UNSET:
                _found += 1
                if not (environment_id.__class__ is str or isinstance(environment_id, str)):
                    raise ParseError.wrong_type("string", environment_id, src_dict, "environmentId")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            create_project_body = _new_object(cls)
            create_project_body.name = name
            create_project_body.folder_id = folder_id
            create_project_body.project_type = project_type
            create_project_body.environment_id = environment_id
            create_project_body._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _CreateProjectBody_FIELDS, "CreateProjectBody")
            )
            parsed.append(create_project_body)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("name", self.name),
            ("folder_id", self.folder_id),
            ("project_type", self.project_type),
            ("environment_id", self.environment_id),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"CreateProjectBody({shown})"

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
