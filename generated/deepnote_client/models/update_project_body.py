from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.update_project_static_files import UpdateProjectStaticFiles


_new_object = object.__new__  # a module global: one lookup per object, not two
_UpdateProjectBody_FIELDS = frozenset(
    {
        "staticFiles",
        "streamlitAppApiAccessEnabled",
        "environmentId",
    }
)


@_attrs_define
class UpdateProjectBody:
    """Project settings to change (from Deepnote's client code); at least one field."""

    static_files: UpdateProjectStaticFiles | Unset = UNSET
    """ Static-site settings to change; at least one field. """
    streamlit_app_api_access_enabled: bool | Unset = UNSET
    """ Whether the project's hosted Streamlit app may call the API. """
    environment_id: str | Unset = UNSET
    """ Environment to use (an id from the environments list); changing it restarts a running machine. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        static_files: dict[str, Any] | Unset = UNSET
        if not isinstance(self.static_files, Unset):
            static_files = self.static_files.to_dict()

        streamlit_app_api_access_enabled = self.streamlit_app_api_access_enabled

        environment_id = self.environment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if static_files is not UNSET:
            field_dict["staticFiles"] = static_files
        if streamlit_app_api_access_enabled is not UNSET:
            field_dict["streamlitAppApiAccessEnabled"] = streamlit_app_api_access_enabled
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
        from ..models.update_project_static_files import UpdateProjectStaticFiles

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

            _value = src_dict.get("staticFiles", UNSET)
            static_files: UpdateProjectStaticFiles | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    static_files = UpdateProjectStaticFiles.from_dict(_value)
                except ParseError as _error:
                    raise _error.within(src_dict, "staticFiles")

            streamlit_app_api_access_enabled: bool | Unset = src_dict.get(
                "streamlitAppApiAccessEnabled", UNSET
            )
            if streamlit_app_api_access_enabled is not UNSET:
                _found += 1
                if not (
                    streamlit_app_api_access_enabled is True
                    or streamlit_app_api_access_enabled is False
                ):
                    raise ParseError.wrong_type(
                        "boolean",
                        streamlit_app_api_access_enabled,
                        src_dict,
                        "streamlitAppApiAccessEnabled",
                    )

            environment_id: str | Unset = src_dict.get("environmentId", UNSET)
            if environment_id is not UNSET:
                _found += 1
                if not (environment_id.__class__ is str or isinstance(environment_id, str)):
                    raise ParseError.wrong_type("string", environment_id, src_dict, "environmentId")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            update_project_body = _new_object(cls)
            update_project_body.static_files = static_files
            update_project_body.streamlit_app_api_access_enabled = streamlit_app_api_access_enabled
            update_project_body.environment_id = environment_id
            update_project_body._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _UpdateProjectBody_FIELDS, "UpdateProjectBody")
            )
            parsed.append(update_project_body)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("static_files", self.static_files),
            ("streamlit_app_api_access_enabled", self.streamlit_app_api_access_enabled),
            ("environment_id", self.environment_id),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"UpdateProjectBody({shown})"

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
