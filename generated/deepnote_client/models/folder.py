from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.folder_path_entry import FolderPathEntry


T = TypeVar("T", bound="Folder")


@_attrs_define
class Folder:
    """A workspace folder (fields from Deepnote's client code)."""

    id: str
    name: str
    path: list[FolderPathEntry] | Unset = UNSET
    """ Ancestors, root first, the folder itself included. Names are not unique. """
    is_path_complete: bool | Unset = UNSET
    """ False when an ancestor is not visible to the caller. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        path: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.path, Unset):
            path = []
            for path_item_data in self.path:
                path_item = path_item_data.to_dict()
                path.append(path_item)

        is_path_complete = self.is_path_complete

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if path is not UNSET:
            field_dict["path"] = path
        if is_path_complete is not UNSET:
            field_dict["isPathComplete"] = is_path_complete

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.folder_path_entry import FolderPathEntry

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        _path = d.pop("path", UNSET)
        path: list[FolderPathEntry] | Unset = UNSET
        if _path is not UNSET:
            path = []
            for path_item_data in _path:
                path_item = FolderPathEntry.from_dict(path_item_data)

                path.append(path_item)

        is_path_complete = d.pop("isPathComplete", UNSET)

        folder = cls(
            id=id,
            name=name,
            path=path,
            is_path_complete=is_path_complete,
        )

        folder.additional_properties = d
        return folder

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
