from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

_new_object = object.__new__  # a module global: one lookup per object, not two
_MachineType_FIELDS = frozenset(
    {
        "id",
        "name",
        "type",
        "vCpus",
        "memoryGiB",
        "gpuCount",
        "available",
        "unavailableReason",
    }
)


@_attrs_define
class MachineType:
    """A machine type (size). Fields from the machines guide's example and Deepnote's MCP tool catalogue; a field whose
    name was cut off in the docs lands in additional properties.

    """

    id: str
    """ For example `fjord`; custom machines are `custom:<id>`. """
    name: str | Unset = UNSET
    """ For example `CPU (Plus)`. """
    type_: str | Unset = UNSET
    """ For example `deepnote`. """
    v_cpus: float | Unset = UNSET
    memory_gi_b: float | Unset = UNSET
    gpu_count: int | Unset = UNSET
    available: bool | Unset = UNSET
    """ Whether the workspace's plan allows this machine type. """
    unavailable_reason: None | str | Unset = UNSET
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_ = self.type_

        v_cpus = self.v_cpus

        memory_gi_b = self.memory_gi_b

        gpu_count = self.gpu_count

        available = self.available

        unavailable_reason: None | str | Unset
        if isinstance(self.unavailable_reason, Unset):
            unavailable_reason = UNSET
        else:
            unavailable_reason = self.unavailable_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if v_cpus is not UNSET:
            field_dict["vCpus"] = v_cpus
        if memory_gi_b is not UNSET:
            field_dict["memoryGiB"] = memory_gi_b
        if gpu_count is not UNSET:
            field_dict["gpuCount"] = gpu_count
        if available is not UNSET:
            field_dict["available"] = available
        if unavailable_reason is not UNSET:
            field_dict["unavailableReason"] = unavailable_reason

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
                id: str = src_dict["id"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "id") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (id.__class__ is str or isinstance(id, str)):
                raise ParseError.wrong_type("string", id, src_dict, "id")

            name: str | Unset = src_dict.get("name", UNSET)
            if name is not UNSET:
                _found += 1
                if not (name.__class__ is str or isinstance(name, str)):
                    raise ParseError.wrong_type("string", name, src_dict, "name")

            type_: str | Unset = src_dict.get("type", UNSET)
            if type_ is not UNSET:
                _found += 1
                if not (type_.__class__ is str or isinstance(type_, str)):
                    raise ParseError.wrong_type("string", type_, src_dict, "type")

            v_cpus: float | Unset = src_dict.get("vCpus", UNSET)
            if v_cpus is not UNSET:
                _found += 1
                if not (
                    v_cpus.__class__ is float
                    or v_cpus.__class__ is int
                    or (isinstance(v_cpus, (int, float)) and not isinstance(v_cpus, bool))
                ):
                    raise ParseError.wrong_type("number", v_cpus, src_dict, "vCpus")

            memory_gi_b: float | Unset = src_dict.get("memoryGiB", UNSET)
            if memory_gi_b is not UNSET:
                _found += 1
                if not (
                    memory_gi_b.__class__ is float
                    or memory_gi_b.__class__ is int
                    or (isinstance(memory_gi_b, (int, float)) and not isinstance(memory_gi_b, bool))
                ):
                    raise ParseError.wrong_type("number", memory_gi_b, src_dict, "memoryGiB")

            gpu_count: int | Unset = src_dict.get("gpuCount", UNSET)
            if gpu_count is not UNSET:
                _found += 1
                if not (
                    gpu_count.__class__ is int
                    or (isinstance(gpu_count, int) and not isinstance(gpu_count, bool))
                ):
                    raise ParseError.wrong_type("integer", gpu_count, src_dict, "gpuCount")

            available: bool | Unset = src_dict.get("available", UNSET)
            if available is not UNSET:
                _found += 1
                if not (available is True or available is False):
                    raise ParseError.wrong_type("boolean", available, src_dict, "available")

            unavailable_reason: None | str | Unset = src_dict.get("unavailableReason", UNSET)
            if unavailable_reason is not UNSET:
                _found += 1
                if not (
                    (unavailable_reason.__class__ is str or isinstance(unavailable_reason, str))
                    or unavailable_reason is None
                ):
                    raise ParseError.wrong_type(
                        "string or null", unavailable_reason, src_dict, "unavailableReason"
                    )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            machine_type = _new_object(cls)
            machine_type.id = id
            machine_type.name = name
            machine_type.type_ = type_
            machine_type.v_cpus = v_cpus
            machine_type.memory_gi_b = memory_gi_b
            machine_type.gpu_count = gpu_count
            machine_type.available = available
            machine_type.unavailable_reason = unavailable_reason
            machine_type._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _MachineType_FIELDS, "MachineType")
            )
            parsed.append(machine_type)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("id", self.id),
            ("name", self.name),
            ("type_", self.type_),
            ("v_cpus", self.v_cpus),
            ("memory_gi_b", self.memory_gi_b),
            ("gpu_count", self.gpu_count),
            ("available", self.available),
            ("unavailable_reason", self.unavailable_reason),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"MachineType({shown})"

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
