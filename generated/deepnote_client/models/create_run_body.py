from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.detached_run_storage_mode import DetachedRunStorageMode
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.run_inputs import RunInputs


_DetachedRunStorageMode_BY_VALUE = cast(
    "dict[str, DetachedRunStorageMode]", DetachedRunStorageMode._value2member_map_
)
_new_object = object.__new__  # a module global: one lookup per object, not two
_CreateRunBody_FIELDS = frozenset(
    {
        "notebookId",
        "detached",
        "detachedRunStorageMode",
        "blockIds",
        "runDependentBlocks",
        "inputs",
        "machineType",
    }
)


@_attrs_define
class CreateRunBody:
    notebook_id: str
    """ ID of the notebook to run. """
    detached: bool | Unset = UNSET
    """ Run the notebook as a detached run so it does not affect the live editor session. The REST default is not
    documented; Deepnote's clients always send it. """
    detached_run_storage_mode: DetachedRunStorageMode | Unset = UNSET
    """ Storage mode for the detached run. `read_write` (default) mounts project storage as writable; `readonly`
    mounts it as read-only so the run cannot modify the persistent project storage, but can create ephemeral files
    outside of the persistent project storage directory. Only applies to detached runs. """
    block_ids: list[str] | Unset = UNSET
    """ Optional non-empty list of unique block IDs to run. Omit to run the full notebook. When provided without
    `runDependentBlocks`, only these blocks run, in request order. Not supported for detached runs. """
    run_dependent_blocks: bool | Unset = UNSET
    """ When true and `blockIds` is provided, also run downstream blocks that depend on the selected blocks. """
    inputs: RunInputs | Unset = UNSET
    """ Input values to use for this run, keyed by the input `name` returned from `GET /notebooks/{notebookId}`.
    Values must match the referenced input block type. Values apply to this run only, never to the notebook's saved
    defaults. """
    machine_type: str | Unset = UNSET
    """ Machine type id for a detached run; defaults to the project's machine type. Known only from Deepnote's
    client code (newest), not from the docs. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        notebook_id = self.notebook_id

        detached = self.detached

        detached_run_storage_mode: str | Unset = UNSET
        if not isinstance(self.detached_run_storage_mode, Unset):
            detached_run_storage_mode = self.detached_run_storage_mode.value

        block_ids: list[str] | Unset = UNSET
        if not isinstance(self.block_ids, Unset):
            block_ids = self.block_ids

        run_dependent_blocks = self.run_dependent_blocks

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        machine_type = self.machine_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "notebookId": notebook_id,
            }
        )
        if detached is not UNSET:
            field_dict["detached"] = detached
        if detached_run_storage_mode is not UNSET:
            field_dict["detachedRunStorageMode"] = detached_run_storage_mode
        if block_ids is not UNSET:
            field_dict["blockIds"] = block_ids
        if run_dependent_blocks is not UNSET:
            field_dict["runDependentBlocks"] = run_dependent_blocks
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if machine_type is not UNSET:
            field_dict["machineType"] = machine_type

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

            detached: bool | Unset = src_dict.get("detached", UNSET)
            if detached is not UNSET:
                _found += 1
                if not (detached is True or detached is False):
                    raise ParseError.wrong_type("boolean", detached, src_dict, "detached")

            _value = src_dict.get("detachedRunStorageMode", UNSET)
            detached_run_storage_mode: DetachedRunStorageMode | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if _value is not None:
                    try:
                        detached_run_storage_mode = _DetachedRunStorageMode_BY_VALUE[_value]
                    except (KeyError, TypeError):
                        if not (_value.__class__ is str or isinstance(_value, str)):
                            raise ParseError.wrong_type(
                                "string", _value, src_dict, "detachedRunStorageMode"
                            ) from None
                        detached_run_storage_mode = DetachedRunStorageMode(_value)

            _value = src_dict.get("blockIds", UNSET)
            block_ids: list[str] | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if not (_value.__class__ is list or isinstance(_value, list)):
                    raise ParseError.wrong_type("array", _value, src_dict, "blockIds")
                for _index_0, _item_0 in enumerate(_value):
                    if not (_item_0.__class__ is str or isinstance(_item_0, str)):
                        raise ParseError.wrong_type(
                            "string", _item_0, src_dict, "blockIds", _index_0
                        )
                block_ids = list(_value)

            run_dependent_blocks: bool | Unset = src_dict.get("runDependentBlocks", UNSET)
            if run_dependent_blocks is not UNSET:
                _found += 1
                if not (run_dependent_blocks is True or run_dependent_blocks is False):
                    raise ParseError.wrong_type(
                        "boolean", run_dependent_blocks, src_dict, "runDependentBlocks"
                    )

            _value = src_dict.get("inputs", UNSET)
            inputs: RunInputs | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    inputs = RunInputs.from_dict(_value)
                except ParseError as _error:
                    raise _error.within(src_dict, "inputs")

            machine_type: str | Unset = src_dict.get("machineType", UNSET)
            if machine_type is not UNSET:
                _found += 1
                if not (machine_type.__class__ is str or isinstance(machine_type, str)):
                    raise ParseError.wrong_type("string", machine_type, src_dict, "machineType")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            create_run_body = _new_object(cls)
            create_run_body.notebook_id = notebook_id
            create_run_body.detached = detached
            create_run_body.detached_run_storage_mode = detached_run_storage_mode
            create_run_body.block_ids = block_ids
            create_run_body.run_dependent_blocks = run_dependent_blocks
            create_run_body.inputs = inputs
            create_run_body.machine_type = machine_type
            create_run_body._additional_properties = (
                None
                if len(src_dict) == _found
                else unknown_fields(src_dict, _CreateRunBody_FIELDS, "CreateRunBody")
            )
            parsed.append(create_run_body)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("notebook_id", self.notebook_id),
            ("detached", self.detached),
            ("detached_run_storage_mode", self.detached_run_storage_mode),
            ("block_ids", self.block_ids),
            ("run_dependent_blocks", self.run_dependent_blocks),
            ("inputs", self.inputs),
            ("machine_type", self.machine_type),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"CreateRunBody({shown})"

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
