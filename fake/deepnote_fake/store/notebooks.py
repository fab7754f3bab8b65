"""Notebook rules: names unique per project, project types, block order, one schedule per project.

"(reference N1)" cites a section of ``docs/reference/deepnote-api-v2.md``: N1 (creation and names),
N2 (GET), N6 (rename; the ``Init`` name), N7 (schedules). R-nbpatch is that document's source mark
for the rename tests the 409 message comes from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..cron import CronError, CronExpression
from ..errors import ApiError
from ..records import Notebook, Project, Schedule
from .core import StoreCore

__all__ = ["NotebookRules"]


class NotebookRules(StoreCore):
    def create_notebook(self, project_id: str, name: str | None) -> Notebook:
        with self.lock:
            project = self._project(project_id)
            if project.suspended:
                raise ApiError(409, "Project is suspended")
            if project.project_type != "standard":
                # Single-notebook and agent projects accept no new notebooks (reference N1).
                raise ApiError(409, f"Projects of type {project.project_type} cannot have more notebooks")
            if name is None:
                taken = {self.notebooks[nid].name for nid in project.notebook_ids}
                name = next(f"Notebook {n}" for n in range(1, len(taken) + 2) if f"Notebook {n}" not in taken)
            self._check_name_free(project, name)
            return self.add_notebook(project.id, name)

    def get_notebook(self, notebook_id: str) -> Notebook:
        with self.lock:
            # GET is the one notebook operation that reports a suspended project as 400 (docs quirk).
            return self._notebook(notebook_id, suspended_status=400)

    def delete_notebook(self, notebook_id: str) -> None:
        with self.lock:
            notebook = self._notebook(notebook_id)
            project = self.projects[notebook.project_id]
            project.notebook_ids.remove(notebook.id)
            project.updated_t = self.now()
            if project.schedule is not None and project.schedule.notebook_id == notebook.id:
                project.schedule = None
            for run in notebook.runs:
                self.runs.pop(run.id, None)
            del self.notebooks[notebook.id]

    def rename_notebook(self, notebook_id: str, name: str) -> Notebook:
        with self.lock:
            notebook = self._notebook(notebook_id)
            project = self.projects[notebook.project_id]
            if project.project_type != "standard":
                raise ApiError(409, "The project owns its notebook's name")
            self._check_name_free(project, name, except_id=notebook.id)
            notebook.name = name
            notebook.updated_t = self.now()
            return notebook

    def reorder_blocks(
        self, notebook_id: str, block_ids: list[str], placement: Mapping[str, Any]
    ) -> list[str]:
        """Move ``block_ids`` to the start, the end or after ``placement["blockId"]``; the new order."""
        with self.lock:
            notebook = self._notebook(notebook_id)
            by_id = {b.id: b for b in notebook.blocks}
            for block_id in block_ids:
                if block_id not in by_id:
                    raise ApiError(400, f'Block "{block_id}" not found in notebook')
            moved = set(block_ids)
            rest = [b.id for b in notebook.blocks if b.id not in moved]
            kind = placement["type"]
            if kind == "start":
                order = block_ids + rest
            elif kind == "end":
                order = rest + block_ids
            else:
                anchor = placement["blockId"]
                if anchor in moved:
                    raise ApiError(400, "placement.blockId must not be one of the moved blocks")
                if anchor not in by_id:
                    raise ApiError(400, f'Anchor block "{anchor}" not found in notebook')
                at = rest.index(anchor) + 1
                order = rest[:at] + block_ids + rest[at:]
            if order != [b.id for b in notebook.blocks]:
                notebook.blocks = [by_id[i] for i in order]
                notebook.updated_t = self.now()
            return order

    def schedule_notebook(self, notebook_id: str, cron: str, timezone: str | None) -> Schedule:
        with self.lock:
            notebook = self._notebook(notebook_id)
            try:
                CronExpression.parse(cron)
            except CronError:
                raise ApiError(400, "Invalid cron expression") from None
            tz = timezone or "UTC"
            try:
                ZoneInfo(tz)
            except (ZoneInfoNotFoundError, ValueError):
                raise ApiError(400, f'Invalid timezone "{tz}"') from None
            project = self.projects[notebook.project_id]
            now = self.now()
            created = project.schedule.created_t if project.schedule else now
            # One schedule per project: scheduling another notebook re-points it (reference N7).
            project.schedule = Schedule(notebook.id, cron, tz, created, now)
            return project.schedule

    def _check_name_free(self, project: Project, name: str, *, except_id: str | None = None) -> None:
        # Names are unique per project, case-sensitively (reference N1); message from R-nbpatch.
        for nid in project.notebook_ids:
            if nid != except_id and self.notebooks[nid].name == name:
                raise ApiError(409, f'Notebook with name "{name}" already exists in the project.')
