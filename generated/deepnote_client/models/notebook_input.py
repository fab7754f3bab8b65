from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.notebook_input_type import NotebookInputType
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

_NotebookInputType_BY_VALUE = cast(
    "dict[str, NotebookInputType]", NotebookInputType._value2member_map_
)
_new_object = object.__new__  # a module global: one lookup per object, not two
_NotebookInput_FIELDS = frozenset(
    {
        "name",
        "blockId",
        "type",
        "value",
        "label",
        "options",
        "multiple",
        "min",
        "max",
        "step",
    }
)


@_attrs_define
class NotebookInput:
    """An input block of a notebook. `options`, `min`, `max` and `step` appear where the input type has them."""

    name: str
    """ Variable name; the key to use in a run's `inputs`. """
    block_id: str | Unset = UNSET
    """ Id of the input block (from Deepnote's client code). """
    type_: NotebookInputType | Unset = UNSET
    """ Type of an input block (full list from Deepnote's toolkit code). """
    value: bool | list[str] | None | str | Unset = UNSET
    """ Current saved default value; null when unset. """
    label: str | Unset = UNSET
    """ Label shown in the notebook (from Deepnote's client code). """
    options: list[str] | Unset = UNSET
    """ Choices of a select input. """
    multiple: bool | Unset = UNSET
    """ Whether a select input takes several values (from Deepnote's client code). """
    min_: float | Unset = UNSET
    """ Slider minimum. """
    max_: float | Unset = UNSET
    """ Slider maximum. """
    step: float | Unset = UNSET
    """ Slider step. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        block_id = self.block_id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        value: bool | list[str] | None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        elif isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        label = self.label

        options: list[str] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options

        multiple = self.multiple

        min_ = self.min_

        max_ = self.max_

        step = self.step

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if block_id is not UNSET:
            field_dict["blockId"] = block_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if value is not UNSET:
            field_dict["value"] = value
        if label is not UNSET:
            field_dict["label"] = label
        if options is not UNSET:
            field_dict["options"] = options
        if multiple is not UNSET:
            field_dict["multiple"] = multiple
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_
        if step is not UNSET:
            field_dict["step"] = step

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
            _found = 1

            try:
                name: str = src_dict["name"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "name") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (name.__class__ is str or isinstance(name, str)):
                raise ParseError.wrong_type("string", name, src_dict, "name")

            block_id: str | Unset = src_dict.get("blockId", UNSET)
            if block_id is not UNSET:
                _found += 1
                if not (block_id.__class__ is str or isinstance(block_id, str)):
                    raise ParseError.wrong_type("string", block_id, src_dict, "blockId")

            _value = src_dict.get("type", UNSET)
            type_: NotebookInputType | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if _value is not None:
                    try:
                        type_ = _NotebookInputType_BY_VALUE[_value]
                    except (KeyError, TypeError):
                        if not (_value.__class__ is str or isinstance(_value, str)):
                            raise ParseError.wrong_type(
                                "string", _value, src_dict, "type"
                            ) from None
                        type_ = NotebookInputType(_value)

            _value = src_dict.get("value", UNSET)
            value: bool | list[str] | None | str | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if (_value.__class__ is str or isinstance(_value, str)) or (
                    _value is True or _value is False
                ):
                    value = _value

                elif _value.__class__ is list or isinstance(_value, list):
                    for _index_1, _item_1 in enumerate(_value):
                        if not (_item_1.__class__ is str or isinstance(_item_1, str)):
                            raise ParseError.wrong_type(
                                "string", _item_1, src_dict, "value", _index_1
                            )
                    value = list(_value)

                elif _value is None:
                    value = None

                else:
                    raise ParseError.wrong_type(
                        "string or boolean or array or null", _value, src_dict, "value"
                    )

            label: str | Unset = src_dict.get("label", UNSET)
            if label is not UNSET:
                _found += 1
                if not (label.__class__ is str or isinstance(label, str)):
                    raise ParseError.wrong_type("string", label, src_dict, "label")

            _value = src_dict.get("options", UNSET)
            options: list[str] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not (_value.__class__ is list or isinstance(_value, list)):
                    raise ParseError.wrong_type("array", _value, src_dict, "options")
                for _index_0, _item_0 in enumerate(_value):
                    if not (_item_0.__class__ is str or isinstance(_item_0, str)):
                        raise ParseError.wrong_type(
                            "string", _item_0, src_dict, "options", _index_0
                        )
                options = list(_value)

            multiple: bool | Unset = src_dict.get("multiple", UNSET)
            if multiple is not UNSET:
                _found += 1
                if not (multiple is True or multiple is False):
                    raise ParseError.wrong_type("boolean", multiple, src_dict, "multiple")

            min_: float | Unset = src_dict.get("min", UNSET)
            if min_ is not UNSET:
                _found += 1
                if not (
                    min_.__class__ is float
                    or min_.__class__ is int
                    or (isinstance(min_, (int, float)) and not isinstance(min_, bool))
                ):
                    raise ParseError.wrong_type("number", min_, src_dict, "min")

            max_: float | Unset = src_dict.get("max", UNSET)
            if max_ is not UNSET:
                _found += 1
                if not (
                    max_.__class__ is float
                    or max_.__class__ is int
                    or (isinstance(max_, (int, float)) and not isinstance(max_, bool))
                ):
                    raise ParseError.wrong_type("number", max_, src_dict, "max")

            step: float | Unset = src_dict.get("step", UNSET)
            if step is not UNSET:
                _found += 1
                if not (
                    step.__class__ is float
                    or step.__class__ is int
                    or (isinstance(step, (int, float)) and not isinstance(step, bool))
                ):
                    raise ParseError.wrong_type("number", step, src_dict, "step")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            notebook_input = _new_object(cls)
            notebook_input.name = name
            notebook_input.block_id = block_id
            notebook_input.type_ = type_
            notebook_input.value = value
            notebook_input.label = label
            notebook_input.options = options
            notebook_input.multiple = multiple
            notebook_input.min_ = min_
            notebook_input.max_ = max_
            notebook_input.step = step
            notebook_input._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _NotebookInput_FIELDS, "NotebookInput")
            )
            parsed.append(notebook_input)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("name", self.name),
            ("block_id", self.block_id),
            ("type_", self.type_),
            ("value", self.value),
            ("label", self.label),
            ("options", self.options),
            ("multiple", self.multiple),
            ("min_", self.min_),
            ("max_", self.max_),
            ("step", self.step),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"NotebookInput({shown})"

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
