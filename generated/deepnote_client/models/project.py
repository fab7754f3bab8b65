from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.project_type import ProjectType
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.folder import Folder
    from ..models.project_file import ProjectFile
    from ..models.project_notebook import ProjectNotebook
    from ..models.project_static_files import ProjectStaticFiles


_ProjectType_BY_VALUE = cast("dict[str, ProjectType]", ProjectType._value2member_map_)
_new_object = object.__new__  # a module global: one lookup per object, not two
_datetime_from_iso = datetime.datetime.fromisoformat
_date_from_iso = datetime.date.fromisoformat
_Project_FIELDS = frozenset(
    {
        "id",
        "name",
        "projectType",
        "createdAt",
        "updatedAt",
        "folder",
        "notebooks",
        "files",
        "staticFiles",
    }
)


@_attrs_define
class Project:
    """A project in detail: the list-row fields plus its files and static-site settings (from Deepnote's client code).
    Attached integrations and the environment are reported too, under field names not yet known; they land in the
    model's additional properties.

    """

    id: str
    name: str
    project_type: ProjectType
    """ `notebook` (single-notebook) and `agent` projects accept no new notebooks. """
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    folder: Folder | None | Unset = UNSET
    """ The containing folder; null at the workspace root. """
    notebooks: list[ProjectNotebook] | Unset = UNSET
    files: list[ProjectFile] | Unset = UNSET
    static_files: ProjectStaticFiles | Unset = UNSET
    """ Static-site settings of the project (from Deepnote's client code). """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.folder import Folder

        id = str(self.id)

        name = self.name

        project_type = self.project_type.value

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        folder: dict[str, Any] | None | Unset
        if isinstance(self.folder, Unset):
            folder = UNSET
        elif isinstance(self.folder, Folder):
            folder = self.folder.to_dict()
        else:
            folder = self.folder

        notebooks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.notebooks, Unset):
            notebooks = []
            for notebooks_item_data in self.notebooks:
                notebooks_item = notebooks_item_data.to_dict()
                notebooks.append(notebooks_item)

        files: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = []
            for files_item_data in self.files:
                files_item = files_item_data.to_dict()
                files.append(files_item)

        static_files: dict[str, Any] | Unset = UNSET
        if not isinstance(self.static_files, Unset):
            static_files = self.static_files.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "projectType": project_type,
            }
        )
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if folder is not UNSET:
            field_dict["folder"] = folder
        if notebooks is not UNSET:
            field_dict["notebooks"] = notebooks
        if files is not UNSET:
            field_dict["files"] = files
        if static_files is not UNSET:
            field_dict["staticFiles"] = static_files

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.folder import Folder
        from ..models.project_file import ProjectFile
        from ..models.project_notebook import ProjectNotebook
        from ..models.project_static_files import ProjectStaticFiles

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 3

            try:
                id: str = src_dict["id"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "id") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (id.__class__ is str or isinstance(id, str)):
                raise ParseError.wrong_type("string", id, src_dict, "id")

            try:
                name: str = src_dict["name"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "name") from None
            if not (name.__class__ is str or isinstance(name, str)):
                raise ParseError.wrong_type("string", name, src_dict, "name")

            try:
                _value = src_dict["projectType"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "projectType") from None
            project_type: ProjectType
            try:
                project_type = _ProjectType_BY_VALUE[_value]
            except (KeyError, TypeError):
                if not (_value.__class__ is str or isinstance(_value, str)):
                    raise ParseError.wrong_type("string", _value, src_dict, "projectType") from None
                project_type = ProjectType(_value)

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
            updated_at: datetime.datetime | None | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if _value.__class__ is str or isinstance(_value, str):
                    try:
                        updated_at = _datetime_from_iso(_value)
                    except (TypeError, ValueError):
                        raise ParseError(
                            "expected an ISO 8601 date-time", src_dict, "updatedAt"
                        ) from None

                elif _value is None:
                    updated_at = None

                else:
                    raise ParseError.wrong_type("string or null", _value, src_dict, "updatedAt")

            _value = src_dict.get("folder", UNSET)
            folder: Folder | None | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if _value.__class__ is dict or isinstance(_value, dict):
                    try:
                        folder = Folder.from_dict(_value)
                    except ParseError as _error:
                        raise _error.within(src_dict, "folder")

                elif _value is None:
                    folder = None

                else:
                    raise ParseError.wrong_type("object or null", _value, src_dict, "folder")

            _value = src_dict.get("notebooks", UNSET)
            notebooks: list[ProjectNotebook] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not (_value.__class__ is list or isinstance(_value, list)):
                    raise ParseError.wrong_type("array", _value, src_dict, "notebooks")
                try:
                    notebooks = ProjectNotebook._from_dicts(_value)
                except ParseError as _error:
                    raise _error.item_of(_value).within(src_dict, "notebooks")

            _value = src_dict.get("files", UNSET)
            files: list[ProjectFile] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not (_value.__class__ is list or isinstance(_value, list)):
                    raise ParseError.wrong_type("array", _value, src_dict, "files")
                try:
                    files = ProjectFile._from_dicts(_value)
                except ParseError as _error:
                    raise _error.item_of(_value).within(src_dict, "files")

            _value = src_dict.get("staticFiles", UNSET)
            static_files: ProjectStaticFiles | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    static_files = ProjectStaticFiles.from_dict(_value)
                except ParseError as _error:
                    raise _error.within(src_dict, "staticFiles")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            project = _new_object(cls)
            project.id = id
            project.name = name
            project.project_type = project_type
            project.created_at = created_at
            project.updated_at = updated_at
            project.folder = folder
            project.notebooks = notebooks
            project.files = files
            project.static_files = static_files
            project._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _Project_FIELDS, "Project")
            )
            parsed.append(project)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("name", self.name),
            ("project_type", self.project_type),
            ("created_at", self.created_at),
            ("updated_at", self.updated_at),
            ("folder", self.folder),
            ("notebooks", self.notebooks),
            ("files", self.files),
            ("static_files", self.static_files),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"Project({shown})"

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
