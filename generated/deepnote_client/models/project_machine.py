from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.machine_status import MachineStatus
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

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
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

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
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 1

            try:
                _value = src_dict["status"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "status") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            status: MachineStatus
            try:
                status = _MachineStatus_BY_VALUE[_value]
            except (KeyError, TypeError):
                if not (_value.__class__ is str or isinstance(_value, str)):
                    raise ParseError.wrong_type("string", _value, src_dict, "status") from None
                status = MachineStatus(_value)

            error: None | str | Unset = src_dict.get("error", UNSET)
            if error is not UNSET:
                _found += 1
                if not ((error.__class__ is str or isinstance(error, str)) or error is None):
                    raise ParseError.wrong_type("string or null", error, src_dict, "error")

            starting_phase: None | str | Unset = src_dict.get("startingPhase", UNSET)
            if starting_phase is not UNSET:
                _found += 1
                if not (
                    (starting_phase.__class__ is str or isinstance(starting_phase, str))
                    or starting_phase is None
                ):
                    raise ParseError.wrong_type(
                        "string or null", starting_phase, src_dict, "startingPhase"
                    )

            _value = src_dict.get("type", UNSET)
            type_: MachineType | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    type_ = MachineType.from_dict(_value)
                except ParseError as _error:
                    raise _error.within(src_dict, "type")

            idle_shutdown_seconds: int | Unset = src_dict.get("idleShutdownSeconds", UNSET)
            if idle_shutdown_seconds is not UNSET:
                _found += 1
                if not (
                    idle_shutdown_seconds.__class__ is int
                    or (
                        isinstance(idle_shutdown_seconds, int)
                        and not isinstance(idle_shutdown_seconds, bool)
                    )
                ):
                    raise ParseError.wrong_type(
                        "integer", idle_shutdown_seconds, src_dict, "idleShutdownSeconds"
                    )

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            project_machine = _new_object(cls)
            project_machine.status = status
            project_machine.error = error
            project_machine.starting_phase = starting_phase
            project_machine.type_ = type_
            project_machine.idle_shutdown_seconds = idle_shutdown_seconds
            project_machine._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _ProjectMachine_FIELDS, "ProjectMachine")
            )
            parsed.append(project_machine)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("status", self.status),
            ("error", self.error),
            ("starting_phase", self.starting_phase),
            ("type_", self.type_),
            ("idle_shutdown_seconds", self.idle_shutdown_seconds),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"ProjectMachine({shown})"

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
