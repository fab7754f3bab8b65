"""The ``notebooks`` operations: one module per operation, and ``NotebooksResource`` / ``AsyncNotebooksResource``.

Generated from the spec by openapi-python-client with templates/resource_macros.jinja: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

    from ...models.block_placement_after import BlockPlacementAfter
    from ...models.block_placement_end import BlockPlacementEnd
    from ...models.block_placement_start import BlockPlacementStart
    from ...models.list_notebook_run import ListNotebookRun
    from ...models.list_notebook_runs_response import ListNotebookRunsResponse
    from ...models.notebook import Notebook
    from ...models.notebook_schedule import NotebookSchedule
    from ...models.reorder_blocks_response import ReorderBlocksResponse
    from .. import AsyncCaller, AsyncPaginated, Caller, Paginated


__all__ = ["AsyncNotebooksResource", "NotebooksResource"]


class NotebooksResource:
    """The notebooks operations of the API, one method each."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def create(self, *, project_id: str, name: str | Unset = UNSET) -> Notebook:
        """Create a notebook

        Creates an empty notebook inside the project identified by `projectId`.

        Args:
            project_id: Project to create the notebook in.
            name: Notebook name.

        Operation ``createNotebook``: ``deepnote_client.api.notebooks.create_notebook``.
        """
        from ...models.create_notebook_body import CreateNotebookBody
        from . import create_notebook

        return self._caller.call(
            create_notebook, body=CreateNotebookBody(project_id=project_id, name=name)
        ).notebook

    def get(self, notebook_id: str | UUID) -> Notebook:
        """Get a notebook

        Returns the notebook with its blocks and, when it has input blocks, its inputs (the names to use
        as keys of `inputs` when starting a run).

        Args:
            notebook_id: Opaque notebook identifier.

        Operation ``getNotebook``: ``deepnote_client.api.notebooks.get_notebook``.
        """
        from . import get_notebook

        return self._caller.call(get_notebook, notebook_id=notebook_id).notebook

    def delete(self, notebook_id: str | UUID) -> None:
        """Delete a notebook

        Deletes the notebook.

        Args:
            notebook_id: Opaque notebook identifier.

        Operation ``deleteNotebook``: ``deepnote_client.api.notebooks.delete_notebook``.
        """
        from . import delete_notebook

        self._caller.call(delete_notebook, notebook_id=notebook_id)

    def rename(self, notebook_id: str | UUID, *, name: str) -> Notebook:
        """Rename a notebook

        Renames the notebook; rename is the only supported update. Naming a notebook `Init` designates
        it as the project's init notebook. Known only from Deepnote's client code (added in August
        2026); not yet on the archived reference pages.

        Args:
            notebook_id: Opaque notebook identifier.
            name: New notebook name, unique within the project.

        Operation ``renameNotebook``: ``deepnote_client.api.notebooks.rename_notebook``.
        """
        from ...models.rename_notebook_body import RenameNotebookBody
        from . import rename_notebook

        return self._caller.call(
            rename_notebook, notebook_id=notebook_id, body=RenameNotebookBody(name=name)
        ).notebook

    def reorder_blocks(
        self,
        notebook_id: str | UUID,
        *,
        block_ids: list[str],
        placement: BlockPlacementAfter | BlockPlacementEnd | BlockPlacementStart,
    ) -> ReorderBlocksResponse:
        """Reorder blocks in a notebook

        Moves one or more active blocks as a group. Blocks omitted from `blockIds` keep their relative
        order. A call that yields the same order is a no-op, not an error. The summary, description and
        path parameter are from the docs; the body and responses are known only from Deepnote's client
        code (the docs section was not visible past its first lines).

        Args:
            notebook_id: Opaque notebook identifier.
            block_ids: Block ids ordered exactly as they should appear as the moved group.

        Operation ``reorderNotebookBlocks``: ``deepnote_client.api.notebooks.reorder_notebook_blocks``.
        """
        from ...models.reorder_blocks_body import ReorderBlocksBody
        from . import reorder_notebook_blocks

        return self._caller.call(
            reorder_notebook_blocks,
            notebook_id=notebook_id,
            body=ReorderBlocksBody(block_ids=block_ids, placement=placement),
        )

    def list_runs(
        self,
        notebook_id: str | UUID,
        *,
        page_size: int | Unset = 20,
        page_token: str | Unset = UNSET,
        max_items: int | None = None,
        max_pages: int | None = None,
    ) -> Paginated[ListNotebookRun, ListNotebookRunsResponse]:
        """List historical runs for a notebook

        Every run of the notebook, newest first, including runs started from the Deepnote UI. Follow
        `pagination.nextPageToken` until it is null.

        Args:
            notebook_id: Opaque notebook identifier.
            page_size: Maximum number of items to return. Defaults to 20. Maximum: 100.
            page_token: Opaque token returned by the previous page. Omit for the first page.

        Returns a lazy ``Pager``: iterate it (``for``) for the items across pages, or its ``pages()``
        for whole pages; ``max_items`` and ``max_pages`` stop early.

        Operation ``listNotebookRuns``: ``deepnote_client.api.notebooks.list_notebook_runs``.
        """
        from . import list_notebook_runs

        return self._caller.paginate(
            list_notebook_runs,
            max_items=max_items,
            max_pages=max_pages,
            notebook_id=notebook_id,
            page_size=page_size,
            page_token=page_token,
        )

    def schedule(
        self, notebook_id: str | UUID, *, cron: str, timezone: str | Unset = UNSET
    ) -> NotebookSchedule:
        """Create or replace a notebook schedule

        Deepnote supports one scheduled notebook per project. Calling this for another notebook in the
        same project re-points that schedule to the new notebook. Availability depends on the plan.
        Known only from Deepnote's client code; no GET or DELETE of a schedule is known.

        Args:
            notebook_id: Opaque notebook identifier.
            cron: Five-field cron expression, for example `0 9 * * 1-5`.
            timezone: IANA time zone name, for example `Europe/London`. Deepnote defaults to UTC.

        Operation ``scheduleNotebook``: ``deepnote_client.api.notebooks.schedule_notebook``.
        """
        from ...models.schedule_notebook_body import ScheduleNotebookBody
        from . import schedule_notebook

        return self._caller.call(
            schedule_notebook,
            notebook_id=notebook_id,
            body=ScheduleNotebookBody(cron=cron, timezone=timezone),
        ).schedule


class AsyncNotebooksResource:
    """Async ``NotebooksResource``: the same methods, ``async`` (a pager is iterated with ``async for``)."""

    __slots__ = ("_caller",)

    def __init__(self, caller: AsyncCaller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def create(self, *, project_id: str, name: str | Unset = UNSET) -> Notebook:
        """Create a notebook

        Creates an empty notebook inside the project identified by `projectId`.

        Args:
            project_id: Project to create the notebook in.
            name: Notebook name.

        Operation ``createNotebook``: ``deepnote_client.api.notebooks.create_notebook``.
        """
        from ...models.create_notebook_body import CreateNotebookBody
        from . import create_notebook

        return (
            await self._caller.call(
                create_notebook, body=CreateNotebookBody(project_id=project_id, name=name)
            )
        ).notebook

    async def get(self, notebook_id: str | UUID) -> Notebook:
        """Get a notebook

        Returns the notebook with its blocks and, when it has input blocks, its inputs (the names to use
        as keys of `inputs` when starting a run).

        Args:
            notebook_id: Opaque notebook identifier.

        Operation ``getNotebook``: ``deepnote_client.api.notebooks.get_notebook``.
        """
        from . import get_notebook

        return (await self._caller.call(get_notebook, notebook_id=notebook_id)).notebook

    async def delete(self, notebook_id: str | UUID) -> None:
        """Delete a notebook

        Deletes the notebook.

        Args:
            notebook_id: Opaque notebook identifier.

        Operation ``deleteNotebook``: ``deepnote_client.api.notebooks.delete_notebook``.
        """
        from . import delete_notebook

        await self._caller.call(delete_notebook, notebook_id=notebook_id)

    async def rename(self, notebook_id: str | UUID, *, name: str) -> Notebook:
        """Rename a notebook

        Renames the notebook; rename is the only supported update. Naming a notebook `Init` designates
        it as the project's init notebook. Known only from Deepnote's client code (added in August
        2026); not yet on the archived reference pages.

        Args:
            notebook_id: Opaque notebook identifier.
            name: New notebook name, unique within the project.

        Operation ``renameNotebook``: ``deepnote_client.api.notebooks.rename_notebook``.
        """
        from ...models.rename_notebook_body import RenameNotebookBody
        from . import rename_notebook

        return (
            await self._caller.call(
                rename_notebook, notebook_id=notebook_id, body=RenameNotebookBody(name=name)
            )
        ).notebook

    async def reorder_blocks(
        self,
        notebook_id: str | UUID,
        *,
        block_ids: list[str],
        placement: BlockPlacementAfter | BlockPlacementEnd | BlockPlacementStart,
    ) -> ReorderBlocksResponse:
        """Reorder blocks in a notebook

        Moves one or more active blocks as a group. Blocks omitted from `blockIds` keep their relative
        order. A call that yields the same order is a no-op, not an error. The summary, description and
        path parameter are from the docs; the body and responses are known only from Deepnote's client
        code (the docs section was not visible past its first lines).

        Args:
            notebook_id: Opaque notebook identifier.
            block_ids: Block ids ordered exactly as they should appear as the moved group.

        Operation ``reorderNotebookBlocks``: ``deepnote_client.api.notebooks.reorder_notebook_blocks``.
        """
        from ...models.reorder_blocks_body import ReorderBlocksBody
        from . import reorder_notebook_blocks

        return await self._caller.call(
            reorder_notebook_blocks,
            notebook_id=notebook_id,
            body=ReorderBlocksBody(block_ids=block_ids, placement=placement),
        )

    def list_runs(
        self,
        notebook_id: str | UUID,
        *,
        page_size: int | Unset = 20,
        page_token: str | Unset = UNSET,
        max_items: int | None = None,
        max_pages: int | None = None,
    ) -> AsyncPaginated[ListNotebookRun, ListNotebookRunsResponse]:
        """List historical runs for a notebook

        Every run of the notebook, newest first, including runs started from the Deepnote UI. Follow
        `pagination.nextPageToken` until it is null.

        Args:
            notebook_id: Opaque notebook identifier.
            page_size: Maximum number of items to return. Defaults to 20. Maximum: 100.
            page_token: Opaque token returned by the previous page. Omit for the first page.

        Returns a lazy ``Pager``: iterate it (``async for``) for the items across pages, or its
        ``pages()`` for whole pages; ``max_items`` and ``max_pages`` stop early.

        Operation ``listNotebookRuns``: ``deepnote_client.api.notebooks.list_notebook_runs``.
        """
        from . import list_notebook_runs

        return self._caller.paginate(
            list_notebook_runs,
            max_items=max_items,
            max_pages=max_pages,
            notebook_id=notebook_id,
            page_size=page_size,
            page_token=page_token,
        )

    async def schedule(
        self, notebook_id: str | UUID, *, cron: str, timezone: str | Unset = UNSET
    ) -> NotebookSchedule:
        """Create or replace a notebook schedule

        Deepnote supports one scheduled notebook per project. Calling this for another notebook in the
        same project re-points that schedule to the new notebook. Availability depends on the plan.
        Known only from Deepnote's client code; no GET or DELETE of a schedule is known.

        Args:
            notebook_id: Opaque notebook identifier.
            cron: Five-field cron expression, for example `0 9 * * 1-5`.
            timezone: IANA time zone name, for example `Europe/London`. Deepnote defaults to UTC.

        Operation ``scheduleNotebook``: ``deepnote_client.api.notebooks.schedule_notebook``.
        """
        from ...models.schedule_notebook_body import ScheduleNotebookBody
        from . import schedule_notebook

        return (
            await self._caller.call(
                schedule_notebook,
                notebook_id=notebook_id,
                body=ScheduleNotebookBody(cron=cron, timezone=timezone),
            )
        ).schedule
