from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.folder_path_entry import FolderPathEntry


_new_object = object.__new__  # a module global: one lookup per object, not two
_Folder_FIELDS = frozenset(
    {
        "id",
        "name",
        "path",
        "isPathComplete",
    }
)


@_attrs_define
class Folder:
    """A workspace folder (fields from Deepnote's client code)."""

    id: str
    name: str
    path: list[FolderPathEntry] | Unset = UNSET
    """ Ancestors, root first, the folder itself included. Names are not unique. """
    is_path_complete: bool | Unset = UNSET
    """ False when an ancestor is not visible to the caller. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

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
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.folder_path_entry import FolderPathEntry

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 2

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

            _value = src_dict.get("path", UNSET)
            path: list[FolderPathEntry] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not (_value.__class__ is list or isinstance(_value, list)):
                    raise ParseError.wrong_type("array", _value, src_dict, "path")
                try:
                    path = FolderPathEntry._from_dicts(_value)
                except ParseError as _error:
                    raise _error.item_of(_value).within(src_dict, "path")

            is_path_complete: bool | Unset = src_dict.get("isPathComplete", UNSET)
            if is_path_complete is not UNSET:
                _found += 1
                if not (is_path_complete is True or is_path_complete is False):
                    raise ParseError.wrong_type(
                        "boolean", is_path_complete, src_dict, "isPathComplete"
                    )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            folder = _new_object(cls)
            folder.id = id
            folder.name = name
            folder.path = path
            folder.is_path_complete = is_path_complete
            folder._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _Folder_FIELDS, "Folder")
            )
            parsed.append(folder)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("name", self.name),
            ("path", self.path),
            ("is_path_complete", self.is_path_complete),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"Folder({shown})"

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
