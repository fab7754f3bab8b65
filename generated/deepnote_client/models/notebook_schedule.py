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
_NotebookSchedule_FIELDS = frozenset(
    {
        "notebookId",
        "cron",
        "timezone",
        "nextRunAt",
        "createdAt",
        "updatedAt",
    }
)


@_attrs_define
class NotebookSchedule:
    """The project's schedule (fields from Deepnote's client code)."""

    notebook_id: str
    """ The scheduled notebook. """
    cron: str
    """ Five-field cron expression. """
    timezone: str | Unset = UNSET
    """ IANA time zone name. """
    next_run_at: datetime.datetime | Unset = UNSET
    """ When the schedule fires next. """
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        notebook_id = self.notebook_id

        cron = self.cron

        timezone = self.timezone

        next_run_at: str | Unset = UNSET
        if not isinstance(self.next_run_at, Unset):
            next_run_at = self.next_run_at.isoformat()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "notebookId": notebook_id,
                "cron": cron,
            }
        )
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if next_run_at is not UNSET:
            field_dict["nextRunAt"] = next_run_at
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
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
            _found = 2

            try:
                notebook_id: str = src_dict["notebookId"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "notebookId") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (notebook_id.__class__ is str or isinstance(notebook_id, str)):
                raise ParseError.wrong_type("string", notebook_id, src_dict, "notebookId")

            try:
                cron: str = src_dict["cron"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "cron") from None
            if not (cron.__class__ is str or isinstance(cron, str)):
                raise ParseError.wrong_type("string", cron, src_dict, "cron")

            timezone: str | Unset = src_dict.get("timezone", UNSET)
            if timezone is not UNSET:
                _found += 1
                if not (timezone.__class__ is str or isinstance(timezone, str)):
                    raise ParseError.wrong_type("string", timezone, src_dict, "timezone")

            _value = src_dict.get("nextRunAt", UNSET)
            next_run_at: datetime.datetime | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    next_run_at = _datetime_from_iso(_value)
                except (TypeError, ValueError):
                    if not (_value.__class__ is str or isinstance(_value, str)):
                        raise ParseError.wrong_type(
                            "string", _value, src_dict, "nextRunAt"
                        ) from None
                    raise ParseError(
                        "expected an ISO 8601 date-time", src_dict, "nextRunAt"
                    ) from None

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
            notebook_schedule = _new_object(cls)
            notebook_schedule.notebook_id = notebook_id
            notebook_schedule.cron = cron
            notebook_schedule.timezone = timezone
            notebook_schedule.next_run_at = next_run_at
            notebook_schedule.created_at = created_at
            notebook_schedule.updated_at = updated_at
            notebook_schedule._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _NotebookSchedule_FIELDS, "NotebookSchedule")
            )
            parsed.append(notebook_schedule)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("notebook_id", self.notebook_id),
            ("cron", self.cron),
            ("timezone", self.timezone),
            ("next_run_at", self.next_run_at),
            ("created_at", self.created_at),
            ("updated_at", self.updated_at),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"NotebookSchedule({shown})"

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
