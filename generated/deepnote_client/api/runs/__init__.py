"""The ``runs`` operations: one module per operation, and ``RunsResource`` / ``AsyncRunsResource``.

Generated from the spec by openapi-python-client with templates/resource_macros.jinja: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

    from ...models.run import Run
    from ...models.snapshot_delivery import SnapshotDelivery
    from .. import AsyncCaller, Caller


__all__ = ["AsyncRunsResource", "RunsResource"]


class RunsResource:
    """The runs operations of the API, one method each."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def get(
        self, run_id: str | UUID, *, snapshot_delivery: SnapshotDelivery | Unset = UNSET
    ) -> Run:
        """Get a run

        Returns the run's status and, once available, its snapshot. A run reaches a terminal status
        before its snapshot is attached: poll while `snapshotStatus` is `pending`.

        Args:
            run_id: Run identifier.
            snapshot_delivery: How an available snapshot is returned: `downloadUrl` (default) a
                short-lived URL, `inline` the snapshot document in `snapshotContent`, `blocks` the
                executed blocks with outputs but no source in `snapshotBlocks` (`blocks` is known
                only from Deepnote's client code).

        Operation ``getRun``: ``deepnote_client.api.runs.get_run``.
        """
        from . import get_run

        return self._caller.call(get_run, run_id=run_id, snapshot_delivery=snapshot_delivery).run


class AsyncRunsResource:
    """Async ``RunsResource``: the same methods, ``async`` (a pager is iterated with ``async for``)."""

    __slots__ = ("_caller",)

    def __init__(self, caller: AsyncCaller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def get(
        self, run_id: str | UUID, *, snapshot_delivery: SnapshotDelivery | Unset = UNSET
    ) -> Run:
        """Get a run

        Returns the run's status and, once available, its snapshot. A run reaches a terminal status
        before its snapshot is attached: poll while `snapshotStatus` is `pending`.

        Args:
            run_id: Run identifier.
            snapshot_delivery: How an available snapshot is returned: `downloadUrl` (default) a
                short-lived URL, `inline` the snapshot document in `snapshotContent`, `blocks` the
                executed blocks with outputs but no source in `snapshotBlocks` (`blocks` is known
                only from Deepnote's client code).

        Operation ``getRun``: ``deepnote_client.api.runs.get_run``.
        """
        from . import get_run

        return (
            await self._caller.call(get_run, run_id=run_id, snapshot_delivery=snapshot_delivery)
        ).run
