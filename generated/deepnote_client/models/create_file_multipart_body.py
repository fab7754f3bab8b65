from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..errors import ParseError
from ..types import UNSET, File, extras_eq_key, unknown_fields

_new_object = object.__new__  # a module global: one lookup per object, not two
_CreateFileMultipartBody_FIELDS = frozenset(
    {
        "projectId",
        "path",
        "file",
    }
)


@_attrs_define
class CreateFileMultipartBody:
    project_id: str
    """ Project to create the file in. """
    path: str
    """ Requested destination path within the project. If it already exists, a unique path is generated. """
    file: File
    """ File content to upload. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        path = self.path

        file = self.file.to_tuple()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "projectId": project_id,
                "path": path,
                "file": file,
            }
        )

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("projectId", (None, str(self.project_id), "text/plain")))

        files.append(("path", (None, str(self.path).encode(), "text/plain")))

        files.append(("file", self.file.to_tuple()))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

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
            _found = 3

            try:
                project_id: str = src_dict["projectId"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "projectId") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (project_id.__class__ is str or isinstance(project_id, str)):
                raise ParseError.wrong_type("string", project_id, src_dict, "projectId")

            try:
                path: str = src_dict["path"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "path") from None
            if not (path.__class__ is str or isinstance(path, str)):
                raise ParseError.wrong_type("string", path, src_dict, "path")

            try:
                _value = src_dict["file"]
            except KeyError:
                raise ParseError.wrong_type("any", UNSET, src_dict, "file") from None
            file: File
            file = _value

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            create_file_multipart_body = _new_object(cls)
            create_file_multipart_body.project_id = project_id
            create_file_multipart_body.path = path
            create_file_multipart_body.file = file
            create_file_multipart_body._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(
                    src_dict, _CreateFileMultipartBody_FIELDS, "CreateFileMultipartBody"
                )
            )
            parsed.append(create_file_multipart_body)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("project_id", self.project_id),
            ("path", self.path),
            ("file", self.file),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"CreateFileMultipartBody({shown})"

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
