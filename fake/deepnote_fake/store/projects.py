"""Project rules: filtered keyset listing, creation with a placeholder notebook, cascading delete.

"(reference P2)" cites a section of ``docs/reference/deepnote-api-v2.md`` (a new project gets one
empty notebook).
"""

from __future__ import annotations

from ..errors import ApiError
from ..records import Project
from .core import StoreCore

__all__ = ["ProjectRules"]


class ProjectRules(StoreCore):
    def list_projects(
        self, page_size: int, page_token: str | None, name_contains: str | None
    ) -> tuple[list[Project], str | None]:
        """One page of projects in creation order whose name contains ``name_contains``
        (case-insensitively), and the token of the next page, bound to that filter."""
        with self.lock:
            needle = (name_contains or "").casefold()
            scope = f"projects:{needle}"
            after = self.pages.decode(page_token, scope) if page_token is not None else 0
            matching = [
                p
                for p in sorted(self.projects.values(), key=lambda p: p.seq)
                if p.seq > after and needle in p.name.casefold()
            ]
            page = matching[:page_size]
            more = len(matching) > page_size
            return page, (self.pages.encode(scope, page[-1].seq) if more else None)

    def create_project(
        self,
        name: str,
        *,
        folder_id: str | None = None,
        project_type: str | None = None,
        environment_id: str | None = None,
    ) -> Project:
        with self.lock:
            folder = None
            if folder_id is not None:
                folder = self.folders.get(folder_id)
                if folder is None:
                    raise ApiError(404, "Folder not found")
            project = self.add_project(
                name, project_type or "standard", folder=folder, environment_id=environment_id
            )
            # Deepnote seeds every new project with one empty placeholder notebook (reference P2).
            self.add_notebook(project.id, "Notebook 1")
            return project

    def get_project(self, project_id: str) -> Project:
        with self.lock:
            return self._project(project_id)

    def delete_project(self, project_id: str) -> None:
        """Delete the project with its notebooks and their runs."""
        with self.lock:
            project = self._project(project_id)
            for notebook_id in list(project.notebook_ids):
                for run in self.notebooks[notebook_id].runs:
                    self.runs.pop(run.id, None)
                del self.notebooks[notebook_id]
            del self.projects[project.id]
