from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.cursor_pagination import CursorPagination
    from ..models.list_notebook_run import ListNotebookRun


_new_object = object.__new__  # a module global: one lookup per object, not two
_ListNotebookRunsResponse_FIELDS = frozenset(
    {
        "runs",
        "pagination",
    }
)


@_attrs_define
class ListNotebookRunsResponse:
    runs: list[ListNotebookRun]
    """ Runs of the notebook, newest first. """
    pagination: CursorPagination
    """ Cursor of a paginated list. Treat page tokens as opaque and tied to the original filters. Field names come
    from Deepnote's client code; which fields are always present is not documented, so none is required. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        runs = []
        for runs_item_data in self.runs:
            runs_item = runs_item_data.to_dict()
            runs.append(runs_item)

        pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "runs": runs,
                "pagination": pagination,
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
        from ..models.cursor_pagination import CursorPagination
        from ..models.list_notebook_run import ListNotebookRun

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 2

            try:
                _value = src_dict["runs"]
            except KeyError:
                raise ParseError.wrong_type("array", UNSET, src_dict, "runs") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            runs: list[ListNotebookRun]
            if not (_value.__class__ is list or isinstance(_value, list)):
                raise ParseError.wrong_type("array", _value, src_dict, "runs")
            try:
                runs = ListNotebookRun._from_dicts(_value)
            except ParseError as _error:
                raise _error.item_of(_value).within(src_dict, "runs")

            try:
                _value = src_dict["pagination"]
            except KeyError:
                raise ParseError.wrong_type("object", UNSET, src_dict, "pagination") from None
            pagination: CursorPagination
            try:
                pagination = CursorPagination.from_dict(_value)
            except ParseError as _error:
                raise _error.within(src_dict, "pagination")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            list_notebook_runs_response = _new_object(cls)
            list_notebook_runs_response.runs = runs
            list_notebook_runs_response.pagination = pagination
            list_notebook_runs_response._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(
                    src_dict, _ListNotebookRunsResponse_FIELDS, "ListNotebookRunsResponse"
                )
            )
            parsed.append(list_notebook_runs_response)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("runs", self.runs),
            ("pagination", self.pagination),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ListNotebookRunsResponse({shown})"

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
