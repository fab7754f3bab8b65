from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.search_partial_failure import SearchPartialFailure
    from ..models.search_results import SearchResults


_new_object = object.__new__  # a module global: one lookup per object, not two
_SearchResponse_FIELDS = frozenset(
    {
        "results",
        "partialFailure",
    }
)


@_attrs_define
class SearchResponse:
    results: SearchResults
    """ The results, by resource type. The docs do not show this schema (its fields are not known), so it is left
    open. """
    partial_failure: SearchPartialFailure | Unset = UNSET
    """ Present when one or more requested resource types could not be searched. Returned results are still valid
    but incomplete. Its fields are not documented; the object is left open. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        results = self.results.to_dict()

        partial_failure: dict[str, Any] | Unset = UNSET
        if not isinstance(self.partial_failure, Unset):
            partial_failure = self.partial_failure.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
            }
        )
        if partial_failure is not UNSET:
            field_dict["partialFailure"] = partial_failure

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.search_partial_failure import SearchPartialFailure
        from ..models.search_results import SearchResults

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 1

            try:
                _value = src_dict["results"]
            except KeyError:
                raise ParseError.wrong_type("object", UNSET, src_dict, "results") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            results: SearchResults
            try:
                results = SearchResults.from_dict(_value)
            except ParseError as _error:
                raise _error.within(src_dict, "results")

            _value = src_dict.get("partialFailure", UNSET)
            partial_failure: SearchPartialFailure | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    partial_failure = SearchPartialFailure.from_dict(_value)
                except ParseError as _error:
                    raise _error.within(src_dict, "partialFailure")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            search_response = _new_object(cls)
            search_response.results = results
            search_response.partial_failure = partial_failure
            search_response._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _SearchResponse_FIELDS, "SearchResponse")
            )
            parsed.append(search_response)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("results", self.results),
            ("partial_failure", self.partial_failure),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"SearchResponse({shown})"

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
