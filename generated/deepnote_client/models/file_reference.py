from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

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
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

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
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 1

            try:
                path: str = src_dict["path"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "path") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (path.__class__ is str or isinstance(path, str)):
                raise ParseError.wrong_type("string", path, src_dict, "path")

            project_id: str | Unset = src_dict.get("projectId", UNSET)
            if project_id is not UNSET:
                _found += 1
                if not (project_id.__class__ is str or isinstance(project_id, str)):
                    raise ParseError.wrong_type("string", project_id, src_dict, "projectId")

            size: float | Unset = src_dict.get("size", UNSET)
            if size is not UNSET:
                _found += 1
                if not (
                    size.__class__ is float
                    or size.__class__ is int
                    or (isinstance(size, (int, float)) and not isinstance(size, bool))
                ):
                    raise ParseError.wrong_type("number", size, src_dict, "size")

            _value = src_dict.get("updatedAt", UNSET)
            updated_at: datetime.datetime | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    updated_at = _datetime_from_iso(_value)
                except (TypeError, ValueError):
                    if not (_value.__class__ is str or isinstance(_value, str)):
                        raise ParseError.wrong_type(
                            "string", _value, src_dict, "updatedAt"
                        ) from None
                    raise ParseError(
                        "expected an ISO 8601 date-time", src_dict, "updatedAt"
                    ) from None

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            file_reference = _new_object(cls)
            file_reference.path = path
            file_reference.project_id = project_id
            file_reference.size = size
            file_reference.updated_at = updated_at
            file_reference._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _FileReference_FIELDS, "FileReference")
            )
            parsed.append(file_reference)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("path", self.path),
            ("project_id", self.project_id),
            ("size", self.size),
            ("updated_at", self.updated_at),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"FileReference({shown})"

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
