from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, extras_eq_key, unknown_fields

_new_object = object.__new__  # a module global: one lookup per object, not two
_CopyFileBody_FIELDS = frozenset(
    {
        "sourceProjectId",
        "targetProjectId",
        "sourceFilePath",
    }
)


@_attrs_define
class CopyFileBody:
    """The docs show `sourceProjectId` as required and are cut off after it; `targetProjectId` and `sourceFilePath` come
    from Deepnote's MCP tool that mirrors this operation.

    """

    source_project_id: str
    """ Project to copy the file from. """
    target_project_id: str
    """ Project to copy the file into; must differ from the source. """
    source_file_path: str
    """ Path of the file in the source project; it is also the target path. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        source_project_id = str(self.source_project_id)

        target_project_id = str(self.target_project_id)

        source_file_path = self.source_file_path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sourceProjectId": source_project_id,
                "targetProjectId": target_project_id,
                "sourceFilePath": source_file_path,
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
        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 3

            try:
                source_project_id: str = src_dict["sourceProjectId"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "sourceProjectId") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (source_project_id.__class__ is str or isinstance(source_project_id, str)):
                raise ParseError.wrong_type(
                    "string", source_project_id, src_dict, "sourceProjectId"
                )

            try:
                target_project_id: str = src_dict["targetProjectId"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "targetProjectId") from None
            if not (target_project_id.__class__ is str or isinstance(target_project_id, str)):
                raise ParseError.wrong_type(
                    "string", target_project_id, src_dict, "targetProjectId"
                )

            try:
                source_file_path: str = src_dict["sourceFilePath"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "sourceFilePath") from None
            if not (source_file_path.__class__ is str or isinstance(source_file_path, str)):
                raise ParseError.wrong_type("string", source_file_path, src_dict, "sourceFilePath")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            copy_file_body = _new_object(cls)
            copy_file_body.source_project_id = source_project_id
            copy_file_body.target_project_id = target_project_id
            copy_file_body.source_file_path = source_file_path
            copy_file_body._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _CopyFileBody_FIELDS, "CopyFileBody")
            )
            parsed.append(copy_file_body)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("source_project_id", self.source_project_id),
            ("target_project_id", self.target_project_id),
            ("source_file_path", self.source_file_path),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"CopyFileBody({shown})"

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
