from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.run_status import RunStatus
from ..types import UNSET, Unset

_RunStatus_BY_VALUE = cast("dict[str, RunStatus]", RunStatus._value2member_map_)
_new_object = object.__new__  # a module global: one lookup per object, not two
_datetime_from_iso = datetime.datetime.fromisoformat
_date_from_iso = datetime.date.fromisoformat
_ListNotebookRun_FIELDS = frozenset(
    {
        "runId",
        "status",
        "notebookId",
        "createdAt",
        "completedAt",
    }
)


@_attrs_define
class ListNotebookRun:
    """A row of a notebook's run history. The docs name the schema `ListNotebookRun` but do not show its fields; these come
    from Deepnote's client code (`RunSummary` there).

    """

    run_id: str
    status: RunStatus
    """ Status of a run. Terminal: `success`, `error`, `internal_error`, `stopped`; the last three are failures. """
    notebook_id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    """ Null while the run is still going. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = str(self.run_id)

        status = self.status.value

        notebook_id = self.notebook_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "runId": run_id,
                "status": status,
            }
        )
        if notebook_id is not UNSET:
            field_dict["notebookId"] = notebook_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if completed_at is not UNSET:
            field_dict["completedAt"] = completed_at

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
            _found = 2
            _get = src_dict.get
            try:
                run_id: str = src_dict["runId"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "runId") from None
            if not isinstance(run_id, str):
                raise ParseError.wrong_type("string", run_id, src_dict, "runId")
            try:
                _value = src_dict["status"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "status") from None
            status: RunStatus
            if not isinstance(_value, str):
                raise ParseError.wrong_type("string", _value, src_dict, "status")
            status = _RunStatus_BY_VALUE.get(_value) or RunStatus(_value)

            notebook_id: str | Unset = _get("notebookId", UNSET)
            if notebook_id is not UNSET:
                _found += 1
                if not isinstance(notebook_id, str):
                    raise ParseError.wrong_type("string", notebook_id, src_dict, "notebookId")
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

            _value = _get("completedAt", UNSET)
            completed_at: datetime.datetime | None | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if isinstance(_value, str):
                    try:
                        completed_at = _datetime_from_iso(_value)
                    except ValueError:
                        raise ParseError(
                            "expected an ISO 8601 date-time", src_dict, "completedAt"
                        ) from None

                elif _value is None:
                    completed_at = None

                else:
                    raise ParseError.wrong_type("string or null", _value, src_dict, "completedAt")

            d = (
                {}
                if len(src_dict) == _found
                else {
                    key: value
                    for key, value in src_dict.items()
                    if key not in _ListNotebookRun_FIELDS
                }
            )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            list_notebook_run = _new_object(cls)
            list_notebook_run.run_id = run_id
            list_notebook_run.status = status
            list_notebook_run.notebook_id = notebook_id
            list_notebook_run.created_at = created_at
            list_notebook_run.completed_at = completed_at

            list_notebook_run.additional_properties = d
            _append(list_notebook_run)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("run_id", self.run_id),
            ("status", self.status),
            ("notebook_id", self.notebook_id),
            ("created_at", self.created_at),
            ("completed_at", self.completed_at),
            ("additional_properties", self.additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ListNotebookRun({shown})"

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
