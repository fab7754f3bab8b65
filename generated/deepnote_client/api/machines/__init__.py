"""The ``machines`` operations: one module per operation, and ``MachinesResource`` / ``AsyncMachinesResource``.

Generated from the spec by openapi-python-client with templates/resource_macros.jinja: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

    from ...models.list_machine_types_response import ListMachineTypesResponse
    from ...models.project_machine import ProjectMachine
    from .. import AsyncCaller, Caller


__all__ = ["AsyncMachinesResource", "MachinesResource"]


class MachinesResource:
    """The machines operations of the API, one method each."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def list_types(self) -> ListMachineTypesResponse:
        """List machine types

        List the machine types (sizes) projects in the workspace can run on, with their vCPUs, memory
        and GPUs and whether the workspace's plan allows them: Deepnote's machine types first, in the
        order the editor lists them, then the workspace's custom machines sorted by name. Custom
        machines are listed only for members who can view the workspace's integrations.

        Operation ``listMachineTypes``: ``deepnote_client.api.machines.list_machine_types``.
        """
        from . import list_machine_types

        return self._caller.call(list_machine_types)

    def get(self, project_id: str | UUID) -> ProjectMachine:
        """Get the state of a project's editor machine

        Reports whether the project machine is running, and its machine type. Cheap enough to poll while
        the machine starts or stops. This is the machine the editor, live-mode runs and hosted Streamlit
        apps use; detached runs and interactive sessions run on machines of their own, which this
        endpoint does not report. The error statuses past 403 were not visible; 404 for an unknown
        project is as on the other project operations.

        Args:
            project_id: Project identifier.

        Operation ``getMachine``: ``deepnote_client.api.machines.get_machine``.
        """
        from . import get_machine

        return self._caller.call(get_machine, project_id=project_id).machine


class AsyncMachinesResource:
    """Async ``MachinesResource``: the same methods, ``async`` (a pager is iterated with ``async for``)."""

    __slots__ = ("_caller",)

    def __init__(self, caller: AsyncCaller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def list_types(self) -> ListMachineTypesResponse:
        """List machine types

        List the machine types (sizes) projects in the workspace can run on, with their vCPUs, memory
        and GPUs and whether the workspace's plan allows them: Deepnote's machine types first, in the
        order the editor lists them, then the workspace's custom machines sorted by name. Custom
        machines are listed only for members who can view the workspace's integrations.

        Operation ``listMachineTypes``: ``deepnote_client.api.machines.list_machine_types``.
        """
        from . import list_machine_types

        return await self._caller.call(list_machine_types)

    async def get(self, project_id: str | UUID) -> ProjectMachine:
        """Get the state of a project's editor machine

        Reports whether the project machine is running, and its machine type. Cheap enough to poll while
        the machine starts or stops. This is the machine the editor, live-mode runs and hosted Streamlit
        apps use; detached runs and interactive sessions run on machines of their own, which this
        endpoint does not report. The error statuses past 403 were not visible; 404 for an unknown
        project is as on the other project operations.

        Args:
            project_id: Project identifier.

        Operation ``getMachine``: ``deepnote_client.api.machines.get_machine``.
        """
        from . import get_machine

        return (await self._caller.call(get_machine, project_id=project_id)).machine
