from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

_new_object = object.__new__  # a module global: one lookup per object, not two
_CursorPagination_FIELDS = frozenset(
    {
        "nextPageToken",
        "hasMore",
        "pageSize",
    }
)


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
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

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
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Decoded JSON objects are dicts: the class test is cheaper than isinstance against dict,
            # and far cheaper than against the Mapping ABC.
            if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
                raise ParseError.wrong_type("object", src_dict, src_dict)
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 0

            next_page_token: None | str | Unset = src_dict.get("nextPageToken", UNSET)
            if next_page_token is not UNSET:
                _found += 1
                if not (
                    (next_page_token.__class__ is str or isinstance(next_page_token, str))
                    or next_page_token is None
                ):
                    raise ParseError.wrong_type(
                        "string or null", next_page_token, src_dict, "nextPageToken"
                    )

            has_more: bool | Unset = src_dict.get("hasMore", UNSET)
            if has_more is not UNSET:
                _found += 1
                if not (has_more is True or has_more is False):
                    raise ParseError.wrong_type("boolean", has_more, src_dict, "hasMore")

            page_size: int | Unset = src_dict.get("pageSize", UNSET)
            if page_size is not UNSET:
                _found += 1
                if not (
                    page_size.__class__ is int
                    or (isinstance(page_size, int) and not isinstance(page_size, bool))
                ):
                    raise ParseError.wrong_type("integer", page_size, src_dict, "pageSize")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            cursor_pagination = _new_object(cls)
            cursor_pagination.next_page_token = next_page_token
            cursor_pagination.has_more = has_more
            cursor_pagination.page_size = page_size
            cursor_pagination._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _CursorPagination_FIELDS, "CursorPagination")
            )
            parsed.append(cursor_pagination)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("next_page_token", self.next_page_token),
            ("has_more", self.has_more),
            ("page_size", self.page_size),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"CursorPagination({shown})"

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
