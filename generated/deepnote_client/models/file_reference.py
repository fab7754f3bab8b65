from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset

_new_object = object.__new__  # a module global: one lookup per object, not two
_datetime_from_iso = datetime.datetime.fromisoformat
_date_from_iso = datetime.date.fromisoformat
_FileReference_FIELDS = frozenset(
    {
        "path",
        "projectId",
        "size",
        "updatedAt",
    }
)


@_attrs_define
class FileReference:
    """The created file. Deepnote's client code reads `projectId` and `path` in one place and `path`, `size` and
    `updatedAt` in another; only `path` is known to be always present, and the object is left open.

    """

    path: str
    """ The path the file was stored at (a unique one when the requested path was taken). """
    project_id: str | Unset = UNSET
    size: float | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        size = self.size

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
            }
        )
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if size is not UNSET:
            field_dict["size"] = size
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

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
        _append = parsed.append
        for src_dict in src_dicts:
            # isinstance against the Mapping ABC costs 0.3 us; decoded JSON objects are dicts.
            if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
                raise ParseError.wrong_type("object", src_dict, src_dict)
            # Fields are read and counted; the other keys are collected only if there are any.
            _found = 1
            _get = src_dict.get
            try:
                path: str = src_dict["path"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "path") from None
            if not isinstance(path, str):
                raise ParseError.wrong_type("string", path, src_dict, "path")
            project_id: str | Unset = _get("projectId", UNSET)
            if project_id is not UNSET:
                _found += 1
                if not isinstance(project_id, str):
                    raise ParseError.wrong_type("string", project_id, src_dict, "projectId")
            size: float | Unset = _get("size", UNSET)
            if size is not UNSET:
                _found += 1
                if not (isinstance(size, (int, float)) and not isinstance(size, bool)):
                    raise ParseError.wrong_type("number", size, src_dict, "size")
            _value = _get("updatedAt", UNSET)
            updated_at: datetime.datetime | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not isinstance(_value, str):
                    raise ParseError.wrong_type("string", _value, src_dict, "updatedAt")
                try:
                    updated_at = _datetime_from_iso(_value)
                except ValueError:
                    raise ParseError(
                        "expected an ISO 8601 date-time", src_dict, "updatedAt"
                    ) from None

            d = (
                {}
                if len(src_dict) == _found
                else {
                    key: value
                    for key, value in src_dict.items()
                    if key not in _FileReference_FIELDS
                }
            )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            file_reference = _new_object(cls)
            file_reference.path = path
            file_reference.project_id = project_id
            file_reference.size = size
            file_reference.updated_at = updated_at

            file_reference.additional_properties = d
            _append(file_reference)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("path", self.path),
            ("project_id", self.project_id),
            ("size", self.size),
            ("updated_at", self.updated_at),
            ("additional_properties", self.additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"FileReference({shown})"

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
