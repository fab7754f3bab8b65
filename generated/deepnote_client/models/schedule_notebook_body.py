from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define

from ..errors import ParseError
from ..types import UNSET, Unset

_new_object = object.__new__  # a module global: one lookup per object, not two


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
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        parsed: list[Self] = []
        for src_dict in src_dicts:
            try:
                cron: str = src_dict["cron"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "cron") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (cron.__class__ is str or isinstance(cron, str)):
                raise ParseError.wrong_type("string", cron, src_dict, "cron")

            timezone: str | Unset = src_dict.get("timezone", UNSET)
            if timezone is not UNSET and not (
                timezone.__class__ is str or isinstance(timezone, str)
            ):
                raise ParseError.wrong_type("string", timezone, src_dict, "timezone")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            schedule_notebook_body = _new_object(cls)
            schedule_notebook_body.cron = cron
            schedule_notebook_body.timezone = timezone
            parsed.append(schedule_notebook_body)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("cron", self.cron),
            ("timezone", self.timezone),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ScheduleNotebookBody({shown})"
