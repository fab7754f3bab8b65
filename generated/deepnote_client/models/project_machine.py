from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.machine_status import MachineStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.machine_type import MachineType


_MachineStatus_BY_VALUE = cast("dict[str, MachineStatus]", MachineStatus._value2member_map_)
_new_object = object.__new__  # a module global: one lookup per object, not two
_ProjectMachine_FIELDS = frozenset(
    {
        "status",
        "error",
        "startingPhase",
        "type",
        "idleShutdownSeconds",
    }
)


@_attrs_define
class ProjectMachine:
    """The state of a project's editor machine (machines guide; `idleShutdownSeconds` from Deepnote's MCP tool catalogue)."""

    status: MachineStatus
    error: None | str | Unset = UNSET
    starting_phase: None | str | Unset = UNSET
    type_: MachineType | Unset = UNSET
    """ A machine type (size). Fields from the machines guide's example and Deepnote's MCP tool catalogue; a field
    whose name was cut off in the docs lands in additional properties. """
    idle_shutdown_seconds: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        starting_phase: None | str | Unset
        if isinstance(self.starting_phase, Unset):
            starting_phase = UNSET
        else:
            starting_phase = self.starting_phase

        type_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.to_dict()

        idle_shutdown_seconds = self.idle_shutdown_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if starting_phase is not UNSET:
            field_dict["startingPhase"] = starting_phase
        if type_ is not UNSET:
            field_dict["type"] = type_
        if idle_shutdown_seconds is not UNSET:
            field_dict["idleShutdownSeconds"] = idle_shutdown_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.machine_type import MachineType

        parsed: list[Self] = []
        _append = parsed.append
        for src_dict in src_dicts:
            # isinstance against the Mapping ABC costs 0.3 us; decoded JSON objects are dicts.
            if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
                raise ParseError.wrong_type("object", src_dict, src_dict)
            # Fields are read and counted; the other keys are collected only if there are any.
            _found = 1
            _get = src_dict.get
            try:
                _value = src_dict["status"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "status") from None
            status: MachineStatus
            if not isinstance(_value, str):
                raise ParseError.wrong_type("string", _value, src_dict, "status")
            status = _MachineStatus_BY_VALUE.get(_value) or MachineStatus(_value)

            error: None | str | Unset = _get("error", UNSET)
            if error is not UNSET:
                _found += 1
                if not (isinstance(error, str) or error is None):
                    raise ParseError.wrong_type("string or null", error, src_dict, "error")
            starting_phase: None | str | Unset = _get("startingPhase", UNSET)
            if starting_phase is not UNSET:
                _found += 1
                if not (isinstance(starting_phase, str) or starting_phase is None):
                    raise ParseError.wrong_type(
                        "string or null", starting_phase, src_dict, "startingPhase"
                    )
            _value = _get("type", UNSET)
            type_: MachineType | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    type_ = MachineType.from_dict(_value)
                except ParseError as _error:
                    raise _error.within(src_dict, "type")

            idle_shutdown_seconds: int | Unset = _get("idleShutdownSeconds", UNSET)
            if idle_shutdown_seconds is not UNSET:
                _found += 1
                if not (
                    isinstance(idle_shutdown_seconds, int)
                    and not isinstance(idle_shutdown_seconds, bool)
                ):
                    raise ParseError.wrong_type(
                        "integer", idle_shutdown_seconds, src_dict, "idleShutdownSeconds"
                    )
            d = (
                {}
                if len(src_dict) == _found
                else {
                    key: value
                    for key, value in src_dict.items()
                    if key not in _ProjectMachine_FIELDS
                }
            )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            project_machine = _new_object(cls)
            project_machine.status = status
            project_machine.error = error
            project_machine.starting_phase = starting_phase
            project_machine.type_ = type_
            project_machine.idle_shutdown_seconds = idle_shutdown_seconds

            project_machine.additional_properties = d
            _append(project_machine)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("status", self.status),
            ("error", self.error),
            ("starting_phase", self.starting_phase),
            ("type_", self.type_),
            ("idle_shutdown_seconds", self.idle_shutdown_seconds),
            ("additional_properties", self.additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ProjectMachine({shown})"

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
