from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET

_new_object = object.__new__  # a module global: one lookup per object, not two
_ErrorResponse_FIELDS = frozenset(
    {
        "message",
    }
)


@_attrs_define
class ErrorResponse:
    """Error body of every documented error status."""

    message: str
    """ Human-readable description of the error, for example `Project is suspended`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
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
        _append = parsed.append
        for src_dict in src_dicts:
            # isinstance against the Mapping ABC costs 0.3 us; decoded JSON objects are dicts.
            if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
                raise ParseError.wrong_type("object", src_dict, src_dict)
            # Fields are read and counted; the other keys are collected only if there are any.
            _found = 1
            try:
                message: str = src_dict["message"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "message") from None
            if not isinstance(message, str):
                raise ParseError.wrong_type("string", message, src_dict, "message")
            d = (
                {}
                if len(src_dict) == _found
                else {
                    key: value
                    for key, value in src_dict.items()
                    if key not in _ErrorResponse_FIELDS
                }
            )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            error_response = _new_object(cls)
            error_response.message = message

            error_response.additional_properties = d
            _append(error_response)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("message", self.message),
            ("additional_properties", self.additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ErrorResponse({shown})"

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
