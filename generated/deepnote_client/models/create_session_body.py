from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.session_storage_mode import SessionStorageMode
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.run_inputs import RunInputs


_SessionStorageMode_BY_VALUE = cast(
    "dict[str, SessionStorageMode]", SessionStorageMode._value2member_map_
)
_new_object = object.__new__  # a module global: one lookup per object, not two
_CreateSessionBody_FIELDS = frozenset(
    {
        "notebookId",
        "inputs",
        "storageMode",
    }
)


@_attrs_define
class CreateSessionBody:
    notebook_id: str
    """ ID of the source notebook the session is anchored to. """
    inputs: RunInputs | Unset = UNSET
    """ Input values to use for this run, keyed by the input `name` returned from `GET /notebooks/{notebookId}`.
    Values must match the referenced input block type. Values apply to this run only, never to the notebook's saved
    defaults. """
    storage_mode: SessionStorageMode | Unset = UNSET
    """ `read_write` (default) allows the session to write to project storage. `readonly` makes project storage
    read-only for the session; the session can still create temporary files. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        notebook_id = self.notebook_id

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        storage_mode: str | Unset = UNSET
        if not isinstance(self.storage_mode, Unset):
            storage_mode = self.storage_mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "notebookId": notebook_id,
            }
        )
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if storage_mode is not UNSET:
            field_dict["storageMode"] = storage_mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.run_inputs import RunInputs

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 1

            try:
                notebook_id: str = src_dict["notebookId"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "notebookId") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (notebook_id.__class__ is str or isinstance(notebook_id, str)):
                raise ParseError.wrong_type("string", notebook_id, src_dict, "notebookId")

            _value = src_dict.get("inputs", UNSET)
            inputs: RunInputs | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    inputs = RunInputs.from_dict(_value)
                except ParseError as _error:
                    raise _error.within(src_dict, "inputs")

            _value = src_dict.get("storageMode", UNSET)
            storage_mode: SessionStorageMode | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if _value is not None:
                    try:
                        storage_mode = _SessionStorageMode_BY_VALUE[_value]
                    except (KeyError, TypeError):
                        if not (_value.__class__ is str or isinstance(_value, str)):
                            raise ParseError.wrong_type(
                                "string", _value, src_dict, "storageMode"
                            ) from None
                        storage_mode = SessionStorageMode(_value)

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            create_session_body = _new_object(cls)
            create_session_body.notebook_id = notebook_id
            create_session_body.inputs = inputs
            create_session_body.storage_mode = storage_mode
            create_session_body._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _CreateSessionBody_FIELDS, "CreateSessionBody")
            )
            parsed.append(create_session_body)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("notebook_id", self.notebook_id),
            ("inputs", self.inputs),
            ("storage_mode", self.storage_mode),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"CreateSessionBody({shown})"

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
