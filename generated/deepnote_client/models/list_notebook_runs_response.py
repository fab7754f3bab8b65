from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cursor_pagination import CursorPagination
    from ..models.list_notebook_run import ListNotebookRun


T = TypeVar("T", bound="ListNotebookRunsResponse")


@_attrs_define
class ListNotebookRunsResponse:
    runs: list[ListNotebookRun]
    """ Runs of the notebook, newest first. """
    pagination: CursorPagination
    """ Cursor of a paginated list. Treat page tokens as opaque and tied to the original filters. Field names come
    from Deepnote's client code; which fields are always present is not documented, so none is required. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        from ..models.cursor_pagination import CursorPagination
        from ..models.list_notebook_run import ListNotebookRun

        d = dict(src_dict)
        runs = []
        _runs = d.pop("runs")
        for runs_item_data in _runs:
            runs_item = ListNotebookRun.from_dict(runs_item_data)

            runs.append(runs_item)

        pagination = CursorPagination.from_dict(d.pop("pagination"))

        list_notebook_runs_response = cls(
            runs=runs,
            pagination=pagination,
        )

        list_notebook_runs_response.additional_properties = d
        return list_notebook_runs_response

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
