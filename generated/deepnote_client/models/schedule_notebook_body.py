from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScheduleNotebookBody")


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
        d = dict(src_dict)
        cron = d.pop("cron")

        timezone = d.pop("timezone", UNSET)

        schedule_notebook_body = cls(
            cron=cron,
            timezone=timezone,
        )

        return schedule_notebook_body
