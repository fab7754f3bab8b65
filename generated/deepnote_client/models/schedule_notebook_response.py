from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.notebook_schedule import NotebookSchedule


_new_object = object.__new__  # a module global: one lookup per object, not two
_ScheduleNotebookResponse_FIELDS = frozenset(
    {
        "schedule",
    }
)


@_attrs_define
class ScheduleNotebookResponse:
    schedule: NotebookSchedule
    """ The project's schedule (fields from Deepnote's client code). """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        schedule = self.schedule.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "schedule": schedule,
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
        from ..models.notebook_schedule import NotebookSchedule

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 1

            try:
                _value = src_dict["schedule"]
            except KeyError:
                raise ParseError.wrong_type("object", UNSET, src_dict, "schedule") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            schedule: NotebookSchedule
            try:
                schedule = NotebookSchedule.from_dict(_value)
            except ParseError as _error:
                raise _error.within(src_dict, "schedule")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            schedule_notebook_response = _new_object(cls)
            schedule_notebook_response.schedule = schedule
            schedule_notebook_response._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(
                    src_dict, _ScheduleNotebookResponse_FIELDS, "ScheduleNotebookResponse"
                )
            )
            parsed.append(schedule_notebook_response)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("schedule", self.schedule),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ScheduleNotebookResponse({shown})"

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
