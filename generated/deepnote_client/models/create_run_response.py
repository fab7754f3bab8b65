from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.run_status import RunStatus
from ..types import UNSET, extras_eq_key, unknown_fields

_RunStatus_BY_VALUE = cast("dict[str, RunStatus]", RunStatus._value2member_map_)
_new_object = object.__new__  # a module global: one lookup per object, not two
_datetime_from_iso = datetime.datetime.fromisoformat
_date_from_iso = datetime.date.fromisoformat
_CreateRunResponse_FIELDS = frozenset(
    {
        "runId",
        "status",
        "createdAt",
    }
)


@_attrs_define
class CreateRunResponse:
    run_id: str
    status: RunStatus
    """ Status of a run. Terminal: `success`, `error`, `internal_error`, `stopped`; the last three are failures. """
    created_at: datetime.datetime
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        run_id = str(self.run_id)

        status = self.status.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "runId": run_id,
                "status": status,
                "createdAt": created_at,
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
        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 3

            try:
                run_id: str = src_dict["runId"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "runId") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (run_id.__class__ is str or isinstance(run_id, str)):
                raise ParseError.wrong_type("string", run_id, src_dict, "runId")

            try:
                _value = src_dict["status"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "status") from None
            status: RunStatus
            try:
                status = _RunStatus_BY_VALUE[_value]
            except (KeyError, TypeError):
                if not (_value.__class__ is str or isinstance(_value, str)):
                    raise ParseError.wrong_type("string", _value, src_dict, "status") from None
                status = RunStatus(_value)

            try:
                _value = src_dict["createdAt"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "createdAt") from None
            created_at: datetime.datetime
            try:
                created_at = _datetime_from_iso(_value)
            except (TypeError, ValueError):
                if not (_value.__class__ is str or isinstance(_value, str)):
                    raise ParseError.wrong_type("string", _value, src_dict, "createdAt") from None
                raise ParseError("expected an ISO 8601 date-time", src_dict, "createdAt") from None

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            create_run_response = _new_object(cls)
            create_run_response.run_id = run_id
            create_run_response.status = status
            create_run_response.created_at = created_at
            create_run_response._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _CreateRunResponse_FIELDS, "CreateRunResponse")
            )
            parsed.append(create_run_response)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("run_id", self.run_id),
            ("status", self.status),
            ("created_at", self.created_at),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"CreateRunResponse({shown})"

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
