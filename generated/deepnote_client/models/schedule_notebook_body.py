from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define

from ..errors import ParseError
from ..types import UNSET, Unset


@_attrs_define
class ScheduleNotebookBody:
    cron: str
    """ Five-field cron expression, for example `0 9 * * 1-5`. """
    timezone: str | Unset = UNSET
    """ IANA time zone name, for example `Europe/London`. Deepnote defaults to UTC. """

    def to_dict(self) -> dict[str, Any]:
        cron = self.cron

        timezone = self.timezone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cron": cron,
            }
        )
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        # isinstance against the Mapping ABC costs 0.3 us; decoded JSON objects are dicts.
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise ParseError.wrong_type("object", src_dict, src_dict)
        _get = src_dict.get
        _value = _get("cron", UNSET)
        cron: str
        if not isinstance(_value, str):
            raise ParseError.wrong_type("string", _value, src_dict, "cron")
        cron = _value

        _value = _get("timezone", UNSET)
        timezone: str | Unset = UNSET
        if _value is not UNSET:
            if not isinstance(_value, str):
                raise ParseError.wrong_type("string", _value, src_dict, "timezone")
            timezone = _value

        # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
        schedule_notebook_body = object.__new__(cls)
        schedule_notebook_body.cron = cron
        schedule_notebook_body.timezone = timezone

        return schedule_notebook_body

    def __repr__(self) -> str:
        fields = [
            ("cron", self.cron),
            ("timezone", self.timezone),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ScheduleNotebookBody({shown})"
