from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.run_status import RunStatus
from ..models.snapshot_status import SnapshotStatus
from ..types import UNSET, Unset, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.snapshot_block import SnapshotBlock


_RunStatus_BY_VALUE = cast("dict[str, RunStatus]", RunStatus._value2member_map_)
_SnapshotStatus_BY_VALUE = cast("dict[str, SnapshotStatus]", SnapshotStatus._value2member_map_)
_new_object = object.__new__  # a module global: one lookup per object, not two
_datetime_from_iso = datetime.datetime.fromisoformat
_date_from_iso = datetime.date.fromisoformat
_Run_FIELDS = frozenset(
    {
        "runId",
        "status",
        "notebookId",
        "createdAt",
        "completedAt",
        "error",
        "snapshotStatus",
        "snapshotContent",
        "snapshotDownloadUrl",
        "snapshotBlocks",
    }
)


@_attrs_define
class Run:
    """A run of a notebook. The docs do not show this schema; its fields come from Deepnote's client code. `runId` and
    `status` are required here as on the create response.

    """

    run_id: str
    status: RunStatus
    """ Status of a run. Terminal: `success`, `error`, `internal_error`, `stopped`; the last three are failures. """
    notebook_id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    """ Null while the run is still going. """
    error: None | str | Unset = UNSET
    """ Often null even on a failed run; the snapshot usually holds the reason. """
    snapshot_status: SnapshotStatus | Unset = UNSET
    """ Lifecycle of a run's snapshot; poll while `pending` (from Deepnote's client code). """
    snapshot_content: None | str | Unset = UNSET
    """ The `.snapshot.deepnote` YAML document; null unless `snapshotDelivery=inline`. deepnote-client: Deepnote's
    CLI reads it with the format's snapshot schema (`version`, `metadata` with `createdAt` and `snapshotHash`,
    `environment`, `execution`, and `project` with `name` and notebooks whose blocks carry `outputs` as Jupyter
    outputs); text that does not fit that schema is saved as it came. """
    snapshot_download_url: None | str | Unset = UNSET
    """ Short-lived URL of the `.snapshot.deepnote` file (the default delivery). deepnote-client: Deepnote's CLI
    sends its bearer token to this URL only when it has the API's origin. """
    snapshot_blocks: list[SnapshotBlock] | None | Unset = UNSET
    """ Executed blocks with outputs and metadata but no source (`snapshotDelivery=blocks`). """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

    def to_dict(self) -> dict[str, Any]:
        run_id = str(self.run_id)

        status = self.status.value

        notebook_id = self.notebook_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        snapshot_status: str | Unset = UNSET
        if not isinstance(self.snapshot_status, Unset):
            snapshot_status = self.snapshot_status.value

        snapshot_content: None | str | Unset
        if isinstance(self.snapshot_content, Unset):
            snapshot_content = UNSET
        else:
            snapshot_content = self.snapshot_content

        snapshot_download_url: None | str | Unset
        if isinstance(self.snapshot_download_url, Unset):
            snapshot_download_url = UNSET
        else:
            snapshot_download_url = self.snapshot_download_url

        snapshot_blocks: list[dict[str, Any]] | None | Unset
        if isinstance(self.snapshot_blocks, Unset):
            snapshot_blocks = UNSET
        elif isinstance(self.snapshot_blocks, list):
            snapshot_blocks = []
            for snapshot_blocks_type_0_item_data in self.snapshot_blocks:
                snapshot_blocks_type_0_item = snapshot_blocks_type_0_item_data.to_dict()
                snapshot_blocks.append(snapshot_blocks_type_0_item)

        else:
            snapshot_blocks = self.snapshot_blocks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "runId": run_id,
                "status": status,
            }
        )
        if notebook_id is not UNSET:
            field_dict["notebookId"] = notebook_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if completed_at is not UNSET:
            field_dict["completedAt"] = completed_at
        if error is not UNSET:
            field_dict["error"] = error
        if snapshot_status is not UNSET:
            field_dict["snapshotStatus"] = snapshot_status
        if snapshot_content is not UNSET:
            field_dict["snapshotContent"] = snapshot_content
        if snapshot_download_url is not UNSET:
            field_dict["snapshotDownloadUrl"] = snapshot_download_url
        if snapshot_blocks is not UNSET:
            field_dict["snapshotBlocks"] = snapshot_blocks

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.snapshot_block import SnapshotBlock

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 2

            try:
                run_id: str = src_dict["runId"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "runId") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            if not (run_id.__class__ is str or isinstance(run_id, str)):
                raise ParseError.wrong_type("string", run_id, src_dict, "runId")

            try:
                _value = src_dict["status"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "status") from None
            status: RunStatus
            try:
                status = _RunStatus_BY_VALUE[_value]
            except (KeyError, TypeError):
                if not (_value.__class__ is str or isinstance(_value, str)):
                    raise ParseError.wrong_type("string", _value, src_dict, "status") from None
                status = RunStatus(_value)

            notebook_id: str | Unset = src_dict.get("notebookId", UNSET)
            if notebook_id is not UNSET:
                _found += 1
                if not (notebook_id.__class__ is str or isinstance(notebook_id, str)):
                    raise ParseError.wrong_type("string", notebook_id, src_dict, "notebookId")

            _value = src_dict.get("createdAt", UNSET)
            created_at: datetime.datetime | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                try:
                    created_at = _datetime_from_iso(_value)
                except (TypeError, ValueError):
                    if not (_value.__class__ is str or isinstance(_value, str)):
                        raise ParseError.wrong_type(
                            "string", _value, src_dict, "createdAt"
                        ) from None
                    raise ParseError(
                        "expected an ISO 8601 date-time", src_dict, "createdAt"
                    ) from None

            _value = src_dict.get("completedAt", UNSET)
            completed_at: datetime.datetime | None | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if _value.__class__ is str or isinstance(_value, str):
                    try:
                        completed_at = _datetime_from_iso(_value)
                    except (TypeError, ValueError):
                        raise ParseError(
                            "expected an ISO 8601 date-time", src_dict, "completedAt"
                        ) from None

                elif _value is None:
                    completed_at = None

                else:
                    raise ParseError.wrong_type("string or null", _value, src_dict, "completedAt")

            error: None | str | Unset = src_dict.get("error", UNSET)
            if error is not UNSET:
                _found += 1
                if not ((error.__class__ is str or isinstance(error, str)) or error is None):
                    raise ParseError.wrong_type("string or null", error, src_dict, "error")

            _value = src_dict.get("snapshotStatus", UNSET)
            snapshot_status: SnapshotStatus | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if _value is not None:
                    try:
                        snapshot_status = _SnapshotStatus_BY_VALUE[_value]
                    except (KeyError, TypeError):
                        if not (_value.__class__ is str or isinstance(_value, str)):
                            raise ParseError.wrong_type(
                                "string", _value, src_dict, "snapshotStatus"
                            ) from None
                        snapshot_status = SnapshotStatus(_value)

            snapshot_content: None | str | Unset = src_dict.get("snapshotContent", UNSET)
            if snapshot_content is not UNSET:
                _found += 1
                if not (
                    (snapshot_content.__class__ is str or isinstance(snapshot_content, str))
                    or snapshot_content is None
                ):
                    raise ParseError.wrong_type(
                        "string or null", snapshot_content, src_dict, "snapshotContent"
                    )

            snapshot_download_url: None | str | Unset = src_dict.get("snapshotDownloadUrl", UNSET)
            if snapshot_download_url is not UNSET:
                _found += 1
                if not (
                    (
                        snapshot_download_url.__class__ is str
                        or isinstance(snapshot_download_url, str)
                    )
                    or snapshot_download_url is None
                ):
                    raise ParseError.wrong_type(
                        "string or null", snapshot_download_url, src_dict, "snapshotDownloadUrl"
                    )

            _value = src_dict.get("snapshotBlocks", UNSET)
            snapshot_blocks: list[SnapshotBlock] | None | Unset = UNSET
            if _value is not UNSET:
                _found += 1
                if _value.__class__ is list or isinstance(_value, list):
                    try:
                        snapshot_blocks = SnapshotBlock._from_dicts(_value)
                    except ParseError as _error:
                        raise _error.item_of(_value).within(src_dict, "snapshotBlocks")

                elif _value is None:
                    snapshot_blocks = None

                else:
                    raise ParseError.wrong_type("array or null", _value, src_dict, "snapshotBlocks")

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            run = _new_object(cls)
            run.run_id = run_id
            run.status = status
            run.notebook_id = notebook_id
            run.created_at = created_at
            run.completed_at = completed_at
            run.error = error
            run.snapshot_status = snapshot_status
            run.snapshot_content = snapshot_content
            run.snapshot_download_url = snapshot_download_url
            run.snapshot_blocks = snapshot_blocks
            run._additional_properties = (
                None if len(src_dict) == _found else unknown_fields(src_dict, _Run_FIELDS, "Run")
            )
            parsed.append(run)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("run_id", self.run_id),
            ("status", self.status),
            ("notebook_id", self.notebook_id),
            ("created_at", self.created_at),
            ("completed_at", self.completed_at),
            ("error", self.error),
            ("snapshot_status", self.snapshot_status),
            ("snapshot_content", self.snapshot_content),
            ("snapshot_download_url", self.snapshot_download_url),
            ("snapshot_blocks", self.snapshot_blocks),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"Run({shown})"

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
