from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

_new_object = object.__new__  # a module global: one lookup per object, not two
_MeWorkspace_FIELDS = frozenset(
    {
        "id",
        "slug",
        "name",
    }
)


@_attrs_define
class MeWorkspace:
    """The workspace the key belongs to (fields read by Deepnote's client code)."""

    id: str | Unset = UNSET
    slug: str | Unset = UNSET
    name: str | Unset = UNSET
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        slug = self.slug

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if slug is not UNSET:
            field_dict["slug"] = slug
        if name is not UNSET:
            field_dict["name"] = name

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

            id: str | Unset = src_dict.get("id", UNSET)
            if id is not UNSET:
                _found += 1
                if not (id.__class__ is str or isinstance(id, str)):
                    raise ParseError.wrong_type("string", id, src_dict, "id")

            slug: str | Unset = src_dict.get("slug", UNSET)
            if slug is not UNSET:
                _found += 1
                if not (slug.__class__ is str or isinstance(slug, str)):
                    raise ParseError.wrong_type("string", slug, src_dict, "slug")

            name: str | Unset = src_dict.get("name", UNSET)
            if name is not UNSET:
                _found += 1
                if not (name.__class__ is str or isinstance(name, str)):
                    raise ParseError.wrong_type("string", name, src_dict, "name")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            me_workspace = _new_object(cls)
            me_workspace.id = id
            me_workspace.slug = slug
            me_workspace.name = name
            me_workspace._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _MeWorkspace_FIELDS, "MeWorkspace")
            )
            parsed.append(me_workspace)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("slug", self.slug),
            ("name", self.name),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"MeWorkspace({shown})"

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
