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
_ProjectNotebook_FIELDS = frozenset(
    {
        "id",
        "name",
        "createdAt",
        "isInit",
        "isScheduled",
        "lastRunAt",
        "lastRunId",
    }
)


@_attrs_define
class ProjectNotebook:
    """A notebook row of a project (fields from Deepnote's client code)."""

    id: str
    name: str
    created_at: datetime.datetime | Unset = UNSET
    is_init: bool | Unset = UNSET
    """ Whether this is the project's init notebook. """
    is_scheduled: bool | Unset = UNSET
    last_run_at: datetime.datetime | None | Unset = UNSET
    last_run_id: None | str | Unset = UNSET
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        is_init = self.is_init

        is_scheduled = self.is_scheduled

        last_run_at: None | str | Unset
        if isinstance(self.last_run_at, Unset):
            last_run_at = UNSET
        elif isinstance(self.last_run_at, datetime.datetime):
            last_run_at = self.last_run_at.isoformat()
        else:
            last_run_at = self.last_run_at

        last_run_id: None | str | Unset
        if isinstance(self.last_run_id, Unset):
            last_run_id = UNSET
        else:
            last_run_id = self.last_run_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if is_init is not UNSET:
            field_dict["isInit"] = is_init
        if is_scheduled is not UNSET:
            field_dict["isScheduled"] = is_scheduled
        if last_run_at is not UNSET:
            field_dict["lastRunAt"] = last_run_at
        if last_run_id is not UNSET:
            field_dict["lastRunId"] = last_run_id

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

            is_init: bool | Unset = src_dict.get("isInit", UNSET)
            if is_init is not UNSET:
                _found += 1
                if not (is_init is True or is_init is False):
                    raise ParseError.wrong_type("boolean", is_init, src_dict, "isInit")

            is_scheduled: bool | Unset = src_dict.get("isScheduled", UNSET)
            if is_scheduled is not UNSET:
                _found += 1
                if not (is_scheduled is True or is_scheduled is False):
                    raise ParseError.wrong_type("boolean", is_scheduled, src_dict, "isScheduled")

            _value = src_dict.get("lastRunAt", UNSET)
            last_run_at: datetime.datetime | None | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if _value.__class__ is str or isinstance(_value, str):
                    try:
                        last_run_at = _datetime_from_iso(_value)
                    except (TypeError, ValueError):
                        raise ParseError(
                            "expected an ISO 8601 date-time", src_dict, "lastRunAt"
                        ) from None

                elif _value is None:
                    last_run_at = None

                else:
                    raise ParseError.wrong_type("string or null", _value, src_dict, "lastRunAt")

            last_run_id: None | str | Unset = src_dict.get("lastRunId", UNSET)
            if last_run_id is not UNSET:
                _found += 1
                if not (
                    (last_run_id.__class__ is str or isinstance(last_run_id, str))
                    or last_run_id is None
                ):
                    raise ParseError.wrong_type(
                        "string or null", last_run_id, src_dict, "lastRunId"
                    )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            project_notebook = _new_object(cls)
            project_notebook.id = id
            project_notebook.name = name
            project_notebook.created_at = created_at
            project_notebook.is_init = is_init
            project_notebook.is_scheduled = is_scheduled
            project_notebook.last_run_at = last_run_at
            project_notebook.last_run_id = last_run_id
            project_notebook._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _ProjectNotebook_FIELDS, "ProjectNotebook")
            )
            parsed.append(project_notebook)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("name", self.name),
            ("created_at", self.created_at),
            ("is_init", self.is_init),
            ("is_scheduled", self.is_scheduled),
            ("last_run_at", self.last_run_at),
            ("last_run_id", self.last_run_id),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ProjectNotebook({shown})"

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
