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
_StreamlitApp_FIELDS = frozenset(
    {
        "id",
        "projectId",
        "entrypoint",
        "url",
        "createdAt",
    }
)


@_attrs_define
class StreamlitApp:
    """A served Streamlit app (fields from Deepnote's client code)."""

    id: str
    project_id: str | Unset = UNSET
    entrypoint: str | Unset = UNSET
    url: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id: str | Unset = UNSET
        if not isinstance(self.project_id, Unset):
            project_id = str(self.project_id)

        entrypoint = self.entrypoint

        url = self.url

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if entrypoint is not UNSET:
            field_dict["entrypoint"] = entrypoint
        if url is not UNSET:
            field_dict["url"] = url
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

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
                id: str = src_dict["id"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "id") from None
            if not isinstance(id, str):
                raise ParseError.wrong_type("string", id, src_dict, "id")
            project_id: str | Unset = _get("projectId", UNSET)
            if project_id is not UNSET:
                _found += 1
                if not isinstance(project_id, str):
                    raise ParseError.wrong_type("string", project_id, src_dict, "projectId")
            entrypoint: str | Unset = _get("entrypoint", UNSET)
            if entrypoint is not UNSET:
                _found += 1
                if not isinstance(entrypoint, str):
                    raise ParseError.wrong_type("string", entrypoint, src_dict, "entrypoint")
            url: str | Unset = _get("url", UNSET)
            if url is not UNSET:
                _found += 1
                if not isinstance(url, str):
                    raise ParseError.wrong_type("string", url, src_dict, "url")
            _value = _get("createdAt", UNSET)
            created_at: datetime.datetime | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not isinstance(_value, str):
                    raise ParseError.wrong_type("string", _value, src_dict, "createdAt")
                try:
                    created_at = _datetime_from_iso(_value)
                except ValueError:
                    raise ParseError(
                        "expected an ISO 8601 date-time", src_dict, "createdAt"
                    ) from None

            d = (
                {}
                if len(src_dict) == _found
                else {
                    key: value for key, value in src_dict.items() if key not in _StreamlitApp_FIELDS
                }
            )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            streamlit_app = _new_object(cls)
            streamlit_app.id = id
            streamlit_app.project_id = project_id
            streamlit_app.entrypoint = entrypoint
            streamlit_app.url = url
            streamlit_app.created_at = created_at

            streamlit_app.additional_properties = d
            _append(streamlit_app)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("project_id", self.project_id),
            ("entrypoint", self.entrypoint),
            ("url", self.url),
            ("created_at", self.created_at),
            ("additional_properties", self.additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"StreamlitApp({shown})"

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
