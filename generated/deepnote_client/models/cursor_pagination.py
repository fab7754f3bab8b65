from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CursorPagination")


@_attrs_define
class CursorPagination:
    """Cursor of a paginated list. Treat page tokens as opaque and tied to the original filters. Field names come from
    Deepnote's client code; which fields are always present is not documented, so none is required.

    """

    next_page_token: None | str | Unset = UNSET
    """ Token for the next page; null or absent on the last page. """
    has_more: bool | Unset = UNSET
    """ Whether another page follows. """
    page_size: int | Unset = UNSET
    """ The page size used (seen only in a client test fixture). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        next_page_token: None | str | Unset
        if isinstance(self.next_page_token, Unset):
            next_page_token = UNSET
        else:
            next_page_token = self.next_page_token

        has_more = self.has_more

        page_size = self.page_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if next_page_token is not UNSET:
            field_dict["nextPageToken"] = next_page_token
        if has_more is not UNSET:
            field_dict["hasMore"] = has_more
        if page_size is not UNSET:
            field_dict["pageSize"] = page_size

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_next_page_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_page_token = _parse_next_page_token(d.pop("nextPageToken", UNSET))

        has_more = d.pop("hasMore", UNSET)

        page_size = d.pop("pageSize", UNSET)

        cursor_pagination = cls(
            next_page_token=next_page_token,
            has_more=has_more,
            page_size=page_size,
        )

        cursor_pagination.additional_properties = d
        return cursor_pagination

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
