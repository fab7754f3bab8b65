from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

_new_object = object.__new__  # a module global: one lookup per object, not two
_UpdateProjectStaticFiles_FIELDS = frozenset(
    {
        "sharingEnabled",
        "apiAccessEnabled",
    }
)


@_attrs_define
class UpdateProjectStaticFiles:
    """Static-site settings to change; at least one field."""

    sharing_enabled: bool | Unset = UNSET
    """ Serve the files below `_deepnote_static/` publicly. Disabling it disables API access too. """
    api_access_enabled: bool | Unset = UNSET
    """ Let the published site call the API; cannot be enabled while sharing is disabled. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        sharing_enabled = self.sharing_enabled

        api_access_enabled = self.api_access_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sharing_enabled is not UNSET:
            field_dict["sharingEnabled"] = sharing_enabled
        if api_access_enabled is not UNSET:
            field_dict["apiAccessEnabled"] = api_access_enabled

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
            # Decoded JSON objects are dicts: the class test is cheaper than isinstance against dict,
            # and far cheaper than against the Mapping ABC.
            if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
                raise ParseError.wrong_type("object", src_dict, src_dict)
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 0

            sharing_enabled: bool | Unset = src_dict.get("sharingEnabled", UNSET)
            if sharing_enabled is not UNSET:
                _found += 1
                if not (sharing_enabled is True or sharing_enabled is False):
                    raise ParseError.wrong_type(
                        "boolean", sharing_enabled, src_dict, "sharingEnabled"
                    )

            api_access_enabled: bool | Unset = src_dict.get("apiAccessEnabled", UNSET)
            if api_access_enabled is not UNSET:
                _found += 1
                if not (api_access_enabled is True or api_access_enabled is False):
                    raise ParseError.wrong_type(
                        "boolean", api_access_enabled, src_dict, "apiAccessEnabled"
                    )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            update_project_static_files = _new_object(cls)
            update_project_static_files.sharing_enabled = sharing_enabled
            update_project_static_files.api_access_enabled = api_access_enabled
            update_project_static_files._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(
                    src_dict, _UpdateProjectStaticFiles_FIELDS, "UpdateProjectStaticFiles"
                )
            )
            parsed.append(update_project_static_files)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("sharing_enabled", self.sharing_enabled),
            ("api_access_enabled", self.api_access_enabled),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"UpdateProjectStaticFiles({shown})"

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
