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
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

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
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 1

            try:
                id: str = src_dict["id"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "id") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (id.__class__ is str or isinstance(id, str)):
                raise ParseError.wrong_type("string", id, src_dict, "id")

            project_id: str | Unset = src_dict.get("projectId", UNSET)
            if project_id is not UNSET:
                _found += 1
                if not (project_id.__class__ is str or isinstance(project_id, str)):
                    raise ParseError.wrong_type("string", project_id, src_dict, "projectId")

            entrypoint: str | Unset = src_dict.get("entrypoint", UNSET)
            if entrypoint is not UNSET:
                _found += 1
                if not (entrypoint.__class__ is str or isinstance(entrypoint, str)):
                    raise ParseError.wrong_type("string", entrypoint, src_dict, "entrypoint")

            url: str | Unset = src_dict.get("url", UNSET)
            if url is not UNSET:
                _found += 1
                if not (url.__class__ is str or isinstance(url, str)):
                    raise ParseError.wrong_type("string", url, src_dict, "url")

            _value = src_dict.get("createdAt", UNSET)
            created_at: datetime.datetime | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    created_at = _datetime_from_iso(_value)
                except (TypeError, ValueError):
                    if not (_value.__class__ is str or isinstance(_value, str)):
                        raise ParseError.wrong_type(
                            "string", _value, src_dict, "createdAt"
                        ) from None
                    raise ParseError(
                        "expected an ISO 8601 date-time", src_dict, "createdAt"
                    ) from None

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            streamlit_app = _new_object(cls)
            streamlit_app.id = id
            streamlit_app.project_id = project_id
            streamlit_app.entrypoint = entrypoint
            streamlit_app.url = url
            streamlit_app.created_at = created_at
            streamlit_app._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _StreamlitApp_FIELDS, "StreamlitApp")
            )
            parsed.append(streamlit_app)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("project_id", self.project_id),
            ("entrypoint", self.entrypoint),
            ("url", self.url),
            ("created_at", self.created_at),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"StreamlitApp({shown})"

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
