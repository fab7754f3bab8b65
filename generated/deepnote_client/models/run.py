from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus
from ..models.snapshot_status import SnapshotStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.snapshot_block import SnapshotBlock


T = TypeVar("T", bound="Run")


@_attrs_define
class Run:
    """A run of a notebook. The docs do not show this schema; its fields come from Deepnote's client code. `runId` and
    `status` are required here as on the create response.

    """

    run_id: UUID
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
    """ The `.snapshot.deepnote` YAML document; null unless `snapshotDelivery=inline`. """
    snapshot_download_url: None | str | Unset = UNSET
    """ Short-lived URL of the `.snapshot.deepnote` file (the default delivery). """
    snapshot_blocks: list[SnapshotBlock] | None | Unset = UNSET
    """ Executed blocks with outputs and metadata but no source (`snapshotDelivery=blocks`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        from ..models.snapshot_block import SnapshotBlock

        d = dict(src_dict)
        run_id = UUID(d.pop("runId"))

        status = RunStatus(d.pop("status"))

        notebook_id = d.pop("notebookId", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completedAt", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        _snapshot_status = d.pop("snapshotStatus", UNSET)
        snapshot_status: SnapshotStatus | Unset
        if isinstance(_snapshot_status, Unset):
            snapshot_status = UNSET
        else:
            snapshot_status = SnapshotStatus(_snapshot_status)

        def _parse_snapshot_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snapshot_content = _parse_snapshot_content(d.pop("snapshotContent", UNSET))

        def _parse_snapshot_download_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snapshot_download_url = _parse_snapshot_download_url(d.pop("snapshotDownloadUrl", UNSET))

        def _parse_snapshot_blocks(data: object) -> list[SnapshotBlock] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                snapshot_blocks_type_0 = []
                _snapshot_blocks_type_0 = data
                for snapshot_blocks_type_0_item_data in _snapshot_blocks_type_0:
                    snapshot_blocks_type_0_item = SnapshotBlock.from_dict(
                        snapshot_blocks_type_0_item_data
                    )

                    snapshot_blocks_type_0.append(snapshot_blocks_type_0_item)

                return snapshot_blocks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SnapshotBlock] | None | Unset, data)

        snapshot_blocks = _parse_snapshot_blocks(d.pop("snapshotBlocks", UNSET))

        run = cls(
            run_id=run_id,
            status=status,
            notebook_id=notebook_id,
            created_at=created_at,
            completed_at=completed_at,
            error=error,
            snapshot_status=snapshot_status,
            snapshot_content=snapshot_content,
            snapshot_download_url=snapshot_download_url,
            snapshot_blocks=snapshot_blocks,
        )

        run.additional_properties = d
        return run

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
