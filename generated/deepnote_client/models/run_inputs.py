from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, extras_eq_key

_new_object = object.__new__  # a module global: one lookup per object, not two


@_attrs_define
class RunInputs:
    """Input values to use for this run, keyed by the input `name` returned from `GET /notebooks/{notebookId}`. Values must
    match the referenced input block type. Values apply to this run only, never to the notebook's saved defaults.

    """

    _additional_properties: dict[str, bool | list[str] | str] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, list):
                field_dict[prop_name] = prop

            else:
                field_dict[prop_name] = prop

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

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            run_inputs = _new_object(cls)
            additional_properties: dict[str, bool | list[str] | str] = {}
            for _key, _item in src_dict.items():
                if (_item.__class__ is str or isinstance(_item, str)) or (
                    _item is True or _item is False
                ):
                    additional_properties[_key] = _item

                elif _item.__class__ is list or isinstance(_item, list):
                    for _index_1, _item_1 in enumerate(_item):
                        if not (_item_1.__class__ is str or isinstance(_item_1, str)):
                            raise ParseError.wrong_type("string", _item_1, src_dict, _key, _index_1)
                    additional_properties[_key] = list(_item)

                else:
                    raise ParseError.wrong_type("string or boolean or array", _item, src_dict, _key)

            run_inputs._additional_properties = additional_properties or None
            parsed.append(run_inputs)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"RunInputs({shown})"

    @property
    def additional_properties(self) -> dict[str, bool | list[str] | str]:
        """The keys the spec does not name, as received (an empty dict is created on first access)."""
        extras = self._additional_properties
        if extras is None:
            extras = self._additional_properties = {}
        return extras

    @additional_properties.setter
    def additional_properties(self, extras: dict[str, bool | list[str] | str]) -> None:
        self._additional_properties = extras

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> bool | list[str] | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: bool | list[str] | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
