from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_type import ProjectType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.folder import Folder
    from ..models.project_file import ProjectFile
    from ..models.project_notebook import ProjectNotebook
    from ..models.project_static_files import ProjectStaticFiles


T = TypeVar("T", bound="Project")


@_attrs_define
class Project:
    """A project in detail: the list-row fields plus its files and static-site settings (from Deepnote's client code).
    Attached integrations and the environment are reported too, under field names not yet known; they land in the
    model's additional properties.

    """

    id: UUID
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        from ..models.folder import Folder
        from ..models.project_file import ProjectFile
        from ..models.project_notebook import ProjectNotebook
        from ..models.project_static_files import ProjectStaticFiles

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        project_type = ProjectType(d.pop("projectType"))

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updatedAt", UNSET))

        def _parse_folder(data: object) -> Folder | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                folder_type_0 = Folder.from_dict(data)

                return folder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Folder | None | Unset, data)

        folder = _parse_folder(d.pop("folder", UNSET))

        _notebooks = d.pop("notebooks", UNSET)
        notebooks: list[ProjectNotebook] | Unset = UNSET
        if _notebooks is not UNSET:
            notebooks = []
            for notebooks_item_data in _notebooks:
                notebooks_item = ProjectNotebook.from_dict(notebooks_item_data)

                notebooks.append(notebooks_item)

        _files = d.pop("files", UNSET)
        files: list[ProjectFile] | Unset = UNSET
        if _files is not UNSET:
            files = []
            for files_item_data in _files:
                files_item = ProjectFile.from_dict(files_item_data)

                files.append(files_item)

        _static_files = d.pop("staticFiles", UNSET)
        static_files: ProjectStaticFiles | Unset
        if isinstance(_static_files, Unset):
            static_files = UNSET
        else:
            static_files = ProjectStaticFiles.from_dict(_static_files)

        project = cls(
            id=id,
            name=name,
            project_type=project_type,
            created_at=created_at,
            updated_at=updated_at,
            folder=folder,
            notebooks=notebooks,
            files=files,
            static_files=static_files,
        )

        project.additional_properties = d
        return project

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
